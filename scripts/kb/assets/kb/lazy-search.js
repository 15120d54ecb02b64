/* Load the search index only when the reader searches. Material requests
   search/search_index.json with XMLHttpRequest as soon as a page opens (megabytes on a
   big site, on slow mobile data); this holds that one request back until the search is
   opened: a click on the search field, focus in it, or Material's keyboard shortcuts. */
(function () {
  var requested = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function request() {
    if (requested) return;
    requested = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.kbSearchIndex = /search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (xhr.kbSearchIndex && !requested) {
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".md-search__input")) request();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("label[for='__search'], .md-search")) request();
  }, true);
  document.addEventListener("keydown", function (event) {
    if (["s", "S", "f", "F", "/"].indexOf(event.key) >= 0) request();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) request();
  });
}());
