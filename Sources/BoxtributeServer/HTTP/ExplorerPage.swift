/// The HTML page served on `GET` of each GraphQL endpoint: the GraphiQL explorer.
enum ExplorerPage {
    static func html(endpoint: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>boxtribute API</title>
          <link rel="stylesheet" href="https://unpkg.com/graphiql@3/graphiql.min.css">
          <style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
        </head>
        <body>
          <div id="explorer">Loading the GraphiQL explorer…</div>
          <script crossorigin src="https://unpkg.com/react@18/umd/react.production.min.js"></script>
          <script crossorigin src="https://unpkg.com/react-dom@18/umd/react-dom.production.min.js"></script>
          <script crossorigin src="https://unpkg.com/graphiql@3/graphiql.min.js"></script>
          <script>
            const token = new URLSearchParams(window.location.search).get("token");
            const fetcher = GraphiQL.createFetcher({
              url: "\(endpoint)",
              headers: token ? { Authorization: "Bearer " + token } : {},
            });
            ReactDOM.createRoot(document.getElementById("explorer"))
              .render(React.createElement(GraphiQL, { fetcher }));
          </script>
        </body>
        </html>
        """
    }
}
