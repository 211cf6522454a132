// Deployment settings for 志愿港城, read by the page before the app starts.
// The page's ?api=<url> query parameter overrides apiBase.
window.ZYGC_CONFIG = Object.assign({
  apiBase: '/api/v1',          // where the HTTP API lives (same origin by default)
  credentials: 'same-origin',  // fetch credentials mode; 'include' for a cross-origin API with cookies
  timeoutMs: 30000,            // a request without an answer after this becomes a network error
}, window.ZYGC_CONFIG || {});
