// One shared-runtime page (taskpane.html) loads the task pane, the custom functions and the ribbon
// commands, as the yo office "Excel-Custom-Functions-Shared" template does; the playground is a
// development-only page beside it. The functions and playground entries are optional: a build
// without their sources (a trimmed deployment) leaves them out instead of failing.
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://thidua.example.gov.vn/";

const root = __dirname;
const src = (p) => path.join(root, "src", p);
const FUNCTIONS_TS = src("functions/functions.ts");
const FUNCTIONS_VI_SCRIPT = path.join(root, "scripts", "functions-vi.js");
const FUNCTIONS_HELP_SCRIPT = path.join(root, "scripts", "functions-help.js");
const PLAYGROUND_TSX = src("playground/index.tsx");
const PLAYGROUND_HTML = src("playground/playground.html");
// The print-preview page Office opens in a dialog (DialogApi 1.1): its own small entry, so neither
// office-js-helpers nor the page's code weighs on the pane.
const PREVIEW_TS = src("preview/index.ts");
const PREVIEW_HTML = src("preview/preview.html");
const SAMPLES_DIR = path.join(root, "samples");

/** The production base URL, always ending in exactly one slash. */
function productionUrl(env = process.env) {
  const raw = (env.THIDUA_URL || DEFAULT_PROD_URL).trim();
  // Office loads add-ins only over https; a typo here would ship a manifest no store accepts.
  if (!/^https:\/\/[^\s/]+/.test(raw))
    throw new Error(`THIDUA_URL must be an https:// URL, got "${raw}"`);
  return raw.replace(/\/+$/, "") + "/";
}

/**
 * Every https://localhost:3000 in the manifest becomes the production URL. Global and literal (split/
 * join), so a URL containing regex characters or "$&" is copied as given.
 */
function replaceDevUrl(text, prodUrl) {
  return text.split(DEV_URL).join(prodUrl).split(DEV_URL.slice(0, -1)).join(prodUrl.slice(0, -1));
}

/** [{case, files}] for each samples/<case> holding workbooks: the playground's menu. */
function listSamples(dir = SAMPLES_DIR) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      case: d.name,
      files: fs
        .readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith(".xlsx") || f === "expected.json")
        .sort(),
    }))
    .filter((s) => s.files.length > 0)
    .sort((a, b) => a.case.localeCompare(b.case));
}

/**
 * Derives functions-vi.json from functions.json in the same compilation, so both always describe the
 * same ids. The translation lives with the functions (scripts/functions-vi.js); this only wires it in.
 */
class FunctionsVietnamesePlugin {
  constructor(options) {
    this.options = {
      input: "functions.json",
      output: "functions-vi.json",
      script: FUNCTIONS_VI_SCRIPT,
      ...options,
    };
  }

  apply(compiler) {
    const name = "FunctionsVietnamesePlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After CustomFunctionsMetadataPlugin has put functions.json in (it does so at compilation time).
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          const { input, output, script } = this.options;
          const asset = compilation.getAsset(input);
          if (!asset) return; // the metadata plugin already reported why
          if (!fs.existsSync(script)) {
            compilation.warnings.push(
              new webpack.WebpackError(
                `${name}: ${path.relative(root, script)} is missing, ${output} not emitted`
              )
            );
            return;
          }
          compilation.fileDependencies.add(script); // watch mode: rebuild when the translation changes
          try {
            delete require.cache[require.resolve(script)];
            const { buildVietnameseMetadata } = require(script);
            const metadata = JSON.parse(asset.source.source().toString());
            const vi = buildVietnameseMetadata(metadata);
            compilation.emitAsset(
              output,
              new webpack.sources.RawSource(JSON.stringify(vi, null, 2) + "\n")
            );
          } catch (err) {
            compilation.errors.push(
              new webpack.WebpackError(`${name}: ${err && err.stack ? err.stack : err}`)
            );
          }
        }
      );
    });
  }
}

/**
 * help.html (README.md's functions section, the page each function's helpUrl opens) and, in production,
 * the deployment URL in functions.json / functions-vi.json: the JSDoc says https://localhost:3000 so the
 * dev server's page opens in development, and a deployment's Excel must open the deployment's page.
 * Runs after FunctionsVietnamesePlugin (a later stage), so both metadata files are rewritten.
 */
class FunctionsHelpPlugin {
  constructor(options) {
    this.options = {
      readme: path.join(root, "README.md"),
      script: FUNCTIONS_HELP_SCRIPT,
      prodUrl: null,
      ...options,
    };
  }

  apply(compiler) {
    const name = "FunctionsHelpPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const { readme, script, prodUrl } = this.options;
          const metadata = compilation.getAsset("functions.json");
          if (!metadata) return;
          compilation.fileDependencies.add(readme);
          compilation.fileDependencies.add(script);
          try {
            delete require.cache[require.resolve(script)];
            const { buildHelpPage } = require(script);
            const ids = JSON.parse(metadata.source.source().toString()).functions.map((f) => f.id);
            const html = buildHelpPage(fs.readFileSync(readme, "utf8"), ids);
            compilation.emitAsset("help.html", new webpack.sources.RawSource(html));
          } catch (err) {
            compilation.errors.push(new webpack.WebpackError(`${name}: ${err && err.message}`));
          }
          if (!prodUrl) return;
          for (const file of ["functions.json", "functions-vi.json", "help.html"]) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const text = replaceDevUrl(asset.source.source().toString(), prodUrl);
            compilation.updateAsset(file, new webpack.sources.RawSource(text));
          }
        }
      );
    });
  }
}

/** Writes samples/index.json for the playground (development builds only). */
class SamplesIndexPlugin {
  constructor(samples) {
    this.samples = samples;
  }

  apply(compiler) {
    const name = "SamplesIndexPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset(
            "samples/index.json",
            new webpack.sources.RawSource(JSON.stringify(this.samples, null, 2) + "\n")
          );
        }
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const dev = argv.mode !== "production";
  const hasFunctions = fs.existsSync(FUNCTIONS_TS);
  const hasPlayground = dev && fs.existsSync(PLAYGROUND_TSX);
  const prodUrl = dev ? DEV_URL : productionUrl();

  const entry = {
    taskpane: src("taskpane/index.tsx"),
    commands: src("commands/commands.ts"),
  };
  if (hasFunctions) entry.functions = FUNCTIONS_TS;
  if (hasPlayground) entry.playground = PLAYGROUND_TSX;
  const hasPreview = fs.existsSync(PREVIEW_TS);
  if (hasPreview) entry.preview = PREVIEW_TS;

  const samples = dev ? listSamples() : [];
  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform: dev ? undefined : (content) => replaceDevUrl(content.toString(), prodUrl),
    },
    ...samples.flatMap((s) =>
      s.files.map((f) => ({
        from: path.join(SAMPLES_DIR, s.case, f),
        to: `samples/${s.case}/${f}`,
      }))
    ),
  ];

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: src("taskpane/taskpane.html"),
      // Order matters in the shared runtime: functions register before the pane renders.
      chunks: [hasFunctions ? "functions" : null, "commands", "taskpane"].filter(Boolean),
      chunksSortMode: "manual",
    }),
    new CopyWebpackPlugin({ patterns: copyPatterns }),
    new webpack.DefinePlugin({
      "process.env.NODE_ENV": JSON.stringify(dev ? "development" : "production"),
    }),
  ];
  if (hasFunctions) {
    plugins.push(
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_TS, output: "functions.json" })
    );
    plugins.push(new FunctionsVietnamesePlugin());
    plugins.push(new FunctionsHelpPlugin({ prodUrl: dev ? null : prodUrl }));
  }
  if (hasPreview)
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: PREVIEW_HTML,
        chunks: ["preview"],
      })
    );
  if (hasPlayground) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "playground.html",
        chunks: ["playground"],
        title: "THIDUA playground",
        // The playground's own page if there is one, else a bare root for React.
        ...(fs.existsSync(PLAYGROUND_HTML)
          ? { template: PLAYGROUND_HTML }
          : {
              templateContent:
                '<!doctype html><html lang="vi"><head><meta charset="utf-8" /><title>THIDUA playground</title></head><body><div id="root"></div></body></html>',
            }),
      })
    );
  }
  if (dev && samples.length > 0) plugins.push(new SamplesIndexPlugin(samples));

  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    context: root,
    entry,
    output: {
      path: path.join(root, "dist"),
      // Entry names are fixed (the manifest and taskpane.html name them); lazy chunks carry a content
      // hash so a pane cached by Office never loads a chunk from another release.
      filename: "[name].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    optimization: {
      // swc instead of webpack's default terser: terser took 53 of the production build's 68 s on two
      // cores (every `npm run build`, and the build test in `npm test`); swc compresses as well (esbuild
      // was as fast but made the pane 12 % larger). ES2020 is what tsc emits: no newer syntax for the
      // older Mac webviews.
      minimizer: [
        new MinimizerPlugin({
          minify: {
            implementation: MinimizerPlugin.swcMinify,
            options: { ecma: 2020, compress: { passes: 2 }, mangle: true },
          },
        }),
      ],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // tsc checks types in `npm test`; transpiling only keeps the build fast on two cores. ES modules
          // (tsconfig says commonjs, for jest and the CLI) let webpack tree-shake Fluent and its icons:
          // with require() the pane bundle grows from ~0.4 MB to ~18 MB.
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
          },
        },
      ],
    },
    plugins,
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 1_500_000,
      maxAssetSize: 1_500_000,
    },
    stats: "errors-warnings",
    devServer: {
      // scripts/dev-server.js fills in server (https or http) and the port.
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.productionUrl = productionUrl;
module.exports.replaceDevUrl = replaceDevUrl;
module.exports.listSamples = listSamples;
module.exports.FunctionsVietnamesePlugin = FunctionsVietnamesePlugin;
module.exports.FunctionsHelpPlugin = FunctionsHelpPlugin;
module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PROD_URL = DEFAULT_PROD_URL;
