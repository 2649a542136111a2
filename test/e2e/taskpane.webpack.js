// Builds test/e2e/taskpane-harness.tsx (the App over the simulator) into a folder of its own, with
// the samples beside it, so the e2e test and the bundle bench never touch dist/.
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");

const root = path.join(__dirname, "..", "..");
const samples = path.join(root, "samples");

module.exports = (_env, argv = {}) => {
  const mode = argv.mode === "production" ? "production" : "development";
  const out =
    process.env.THIDUA_E2E_OUT || path.join(root, "node_modules", ".cache", "thidua-e2e", mode);
  return {
    mode,
    devtool: false,
    context: root,
    entry: { harness: path.join(__dirname, "taskpane-harness.tsx") },
    output: { path: out, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        templateContent:
          '<!doctype html><html lang="vi"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>THIDUA e2e</title><style>html,body{margin:0;padding:0}</style></head><body><div id="container"></div></body></html>',
      }),
      new CopyWebpackPlugin({
        patterns: fs.existsSync(samples) ? [{ from: samples, to: "samples" }] : [],
      }),
      new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify(mode) }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
