/**
 * One test page bundled on its own (a component over the simulator, no pane, no functions): much
 * lighter than the product's build, for E2E tests of a single room in Chromium.
 */
import webpack from "webpack";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/** Bundles `entry` (a .tsx page) into `out/page.js`; rejects with webpack's errors. */
export function bundlePage(entry: string, out: string): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: { page: entry },
    output: { path: out, filename: "[name].js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: false },
            },
          },
        },
      ],
    },
    plugins: [new webpack.DefinePlugin({ "process.env.NODE_ENV": JSON.stringify("development") })],
    performance: { hints: false },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else compiler.close(() => resolve());
    })
  );
}
