import BoxtributeGraphQL

/// The HTML page served on `GET` of each GraphQL endpoint: our explorer (query and variables
/// editors, a token field, the answer and a schema browser), whose every file is served by
/// this binary under ``ExplorerAssets/prefix``, so it works without internet.
enum ExplorerPage {
    /// The page for the endpoint at `endpoint` (the path its requests are posted to);
    /// `introspection` says whether that endpoint answers `__schema` (the schema browser says
    /// so instead of asking when it doesn't).
    static func html(endpoint: String, introspection: Bool) -> String {
        let assets = ExplorerAssets.prefix
        let codemirror = assets + "vendor/codemirror-5.65.0/"
        let path = HTMLEscaping.escape(endpoint)
        // Our own files change with the binary: their URLs carry their content's hash, so a
        // browser never runs a cached old script. The vendored ones carry their version in their path.
        let script = assets + "explorer.js" + version(of: "explorer.js")
        let styles = assets + "explorer.css" + version(of: "explorer.css")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>boxtribute API</title>
              <link rel="stylesheet" href="\(codemirror)lib/codemirror.css">
              <link rel="stylesheet" href="\(styles)">
            </head>
            <body data-endpoint="\(path)" data-introspection="\(introspection ? "on" : "off")">
              <header>
                <h1>boxtribute API <code>POST \(path)</code></h1>
                <label>Token <input id="token" type="password" autocomplete="off" spellcheck="false"
                  placeholder="Bearer token (sent as Authorization: Bearer …)"></label>
                <button id="run" type="button" title="Run (Ctrl-Enter)">Run ▶</button>
              </header>
              <main>
                <section id="editors">
                  <h2>Query</h2>
                  <textarea id="query" spellcheck="false">{
              __typename
            }
            </textarea>
                  <h2>Variables (JSON)</h2>
                  <textarea id="variables" spellcheck="false"></textarea>
                </section>
                <section id="answer">
                  <h2>Answer <span id="status" data-state="idle"></span></h2>
                  <pre id="result" data-state="idle">Press Run (or Ctrl-Enter) to send the query.</pre>
                </section>
                <aside id="schema">
                  <h2>Schema</h2>
                  <nav id="schema-path"></nav>
                  <div id="schema-body" data-state="loading">Loading the schema…</div>
                </aside>
              </main>
              <noscript>The explorer needs JavaScript; POST JSON to \(path) with any HTTP client instead.</noscript>
              <script src="\(codemirror)lib/codemirror.js"></script>
              <script src="\(codemirror)addon/mode/simple.js"></script>
              <script src="\(codemirror)addon/edit/matchbrackets.js"></script>
              <script src="\(codemirror)mode/javascript/javascript.js"></script>
              <script type="module" src="\(script)"></script>
            </body>
            </html>

            """
    }

    /// `?v=<hash>` of a served file, or nothing when it is missing.
    static func version(of name: String) -> String {
        guard let etag = ExplorerAssets.shared.files[name]?.etag else { return "" }
        return "?v=" + etag.filter { $0 != "\"" }
    }
}
