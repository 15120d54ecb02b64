/* Case index: filter the list by facet (without JavaScript: the whole list, no form).
   The selection is kept in the URL hash (#actors=police&plight=absence) to share it. */
(function () {
  "use strict";
  if (window.kbFilterLoaded) return; // evaluated again by instant navigation
  window.kbFilterLoaded = true;

  function init() {
    const form = document.querySelector("form.kb-filters");
    const list = document.querySelector(".kb-case-list");
    if (!form || !list || form.dataset.kbReady) return;
    form.dataset.kbReady = "1";
    const zh = document.documentElement.lang.startsWith("zh");
    const selects = Array.from(form.querySelectorAll("select[data-kb-facet]"));
    const items = Array.from(list.querySelectorAll(":scope > li"));
    const count = document.querySelector(".kb-count");
    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button kb-clear";
    reset.textContent = zh ? "清除筛选" : "Clear filters";
    form.append(reset);
    [reset, ...selects].forEach((control) => { control.style.minHeight = "44px"; }); // tap targets

    function apply(toHash) {
      const chosen = selects.filter((select) => select.value)
        .map((select) => [select.dataset.kbFacet, select.value]);
      let shown = 0;
      items.forEach((item) => {
        const match = chosen.every(([facet, id]) =>
          (item.getAttribute("data-kb-" + facet) || "").split(/\s+/).includes(id));
        item.hidden = !match;
        if (match) shown++;
      });
      if (count) count.textContent = zh ? `显示 ${shown} / ${items.length} 个案例` : `Showing ${shown} of ${items.length} cases`;
      if (toHash) {
        const hash = chosen.map(([facet, id]) => facet + "=" + encodeURIComponent(id)).join("&");
        history.replaceState(history.state, "", hash ? "#" + hash : location.pathname + location.search);
      }
    }

    function fromHash() {
      // A plain anchor (#heading) is not a selection: leave the filters as they are.
      if (location.hash && !location.hash.includes("=")) return;
      const params = new URLSearchParams(location.hash.slice(1));
      selects.forEach((select) => {
        const id = params.get(select.dataset.kbFacet) || "";
        select.value = Array.from(select.options).some((option) => option.value === id) ? id : "";
      });
    }

    form.addEventListener("change", () => apply(true));
    form.addEventListener("submit", (event) => event.preventDefault());
    reset.addEventListener("click", () => {
      selects.forEach((select) => { select.value = ""; });
      apply(true);
    });
    window.addEventListener("hashchange", () => {
      if (!document.contains(form)) return;
      fromHash();
      apply(false);
    });
    fromHash();
    apply(false);
    form.hidden = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
