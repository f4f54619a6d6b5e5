// Starts GraphiQL from the globals of the WebJars' UMD builds (React, ReactDOM, GraphiQL), all loaded from the
// application itself (ADR 59). The endpoint must be on this page's origin: the session cookie goes with it.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var url = new URL(params.get('path') || '/graphql', window.location.origin);
  if (url.origin !== window.location.origin) {
    throw new Error('The GraphQL endpoint must be on the same origin as this page');
  }
  var options = { url: url.href };
  var wsPath = params.get('wsPath');
  if (wsPath) {
    var wsOrigin = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host;
    var wsUrl = new URL(wsPath, wsOrigin);
    if (wsUrl.origin !== wsOrigin) {
      throw new Error('The GraphQL WebSocket endpoint must be on the same origin as this page');
    }
    options.subscriptionUrl = wsUrl.href;
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher(options),
    defaultEditorToolsVisibility: true
  }));
})();
