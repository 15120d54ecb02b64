/* Certificate page: if this browser holds a passing score for the comprehensive exam, a name field
   and a printable certificate; otherwise a message and the link to the exam. HTML contract:
   scripts/kb/render/course.py; the score is saved by quiz.js. No inline code (strict CSP), the
   name is only ever set as textContent, and nothing is stored or sent anywhere. */
(function () {
  "use strict";
  if (window.kbCertificateLoaded) return;
  window.kbCertificateLoaded = true;

  const SITE = "协同守护 · Protecting Together";
  const TEXT = {
    zh: {none: "本浏览器中还没有综合考试成绩。请先完成综合考试并点击“计算得分”，再回到本页。",
      low: "你的综合考试得分为 {score}，需要达到 {mark}% 才能打印结业证书。请复习后重新参加考试。",
      passed: "你已通过综合考试：{score}{on}。输入姓名，检查下方预览，然后打印证书。",
      name: "姓名（将显示在证书上）", print: "打印证书", empty: "请先输入姓名。", preview: "证书预览",
      title: "结业证书", certify: "兹证明", placeholder: "（你的姓名）", completed: "已完成",
      course: "监护困境儿童救助保护培训", result: "综合考试得分：{score}", date: "日期：{date}"},
    en: {none: "No comprehensive exam score is saved in this browser. "
        + "Take the exam, press “Show score”, then come back to this page.",
      low: "Your comprehensive exam score is {score}; you need {mark}% to print the certificate. "
        + "Review the modules and take the exam again.",
      passed: "You passed the comprehensive exam: {score}{on}. "
        + "Type your name, check the preview below, then print the certificate.",
      name: "Your name (as it should appear on the certificate)", print: "Print certificate",
      empty: "Type your name first.", preview: "Certificate preview", title: "Certificate of completion",
      certify: "This certifies that", placeholder: "(your name)", completed: "has completed the",
      course: "Training on protecting children in guardianship plight", result: "Comprehensive exam score: {score}",
      date: "Date: {date}"}
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => values[key]);

  // The exam's saved score, under its pathname with or without a trailing "index.html".
  function savedScore(path) {
    const paths = [path];
    if (path.endsWith("/")) paths.push(path + "index.html");
    else if (path.endsWith("/index.html")) paths.push(path.slice(0, -"index.html".length));
    let best = null;
    paths.forEach((p) => {
      let record = null;
      try { record = JSON.parse(localStorage.getItem("kb-quiz-score:" + p)); } catch (e) { record = null; }
      if (!record || !Number.isFinite(record.score) || !Number.isFinite(record.total) || record.total <= 0) return;
      record.date = /^\d{4}-\d{2}-\d{2}$/.test(record.date) ? record.date : "";
      if (!best || record.date > best.date || (record.date === best.date && record.score > best.score)) best = record;
    });
    return best;
  }

  function render(box) {
    const zh = (document.documentElement.lang || "").startsWith("zh");
    const s = TEXT[zh ? "zh" : "en"];
    const link = box.querySelector("a.kb-exam-link");
    if (!link) return;
    const pass = parseFloat(box.dataset.kbPass) || 0.8;
    const record = savedScore(new URL(link.getAttribute("href"), location.href).pathname);
    const passed = Boolean(record) && record.score >= pass * record.total - 1e-9;
    const state = JSON.stringify([record, passed]);
    if (box.dataset.kbState === state) return; // already shown (idempotent)
    box.dataset.kbState = state;

    const typed = box.querySelector(".kb-cert-form input");
    const name = typed ? typed.value : "";
    box.querySelectorAll(".kb-cert-generated").forEach((node) => node.remove());
    box.classList.toggle("kb-cert-passed", passed);
    const linkBlock = link.closest(".kb-certificate > *") || link;
    const percent = record ? Math.floor(record.score / record.total * 100 + 1e-9) : 0;
    const date = record ? record.date : "";
    const score = record && `${record.score.toFixed(1)} / ${record.total}` + (zh ? `（${percent}%）` : ` (${percent}%)`);
    const values = {mark: Math.round(pass * 100), date, on: date && (zh ? "，" : ", ") + date, score};
    const message = !record ? s.none : passed ? s.passed : s.low;
    const status = el("p", "kb-cert-status kb-cert-generated", fill(message, values));
    status.setAttribute("role", "status");
    if (!passed) {
      linkBlock.before(status);
      return;
    }

    const form = el("form", "kb-cert-form kb-cert-generated");
    const label = el("label", "", s.name);
    label.htmlFor = "kb-cert-name";
    const input = el("input");
    Object.assign(input, {id: "kb-cert-name", name: "name", type: "text", autocomplete: "name", maxLength: 80});
    input.value = name;
    input.setAttribute("aria-describedby", "kb-cert-error");
    const error = el("p", "kb-cert-error");
    error.id = "kb-cert-error";
    error.setAttribute("aria-live", "polite");
    const printButton = el("button", "md-button md-button--primary kb-cert-print", s.print);
    printButton.type = "submit";
    form.append(label, input, printButton, error);

    const heading = el("p", "kb-cert-preview-label kb-cert-generated", s.preview);
    heading.id = "kb-cert-preview";
    const sheet = el("section", "kb-cert-sheet kb-cert-generated");
    sheet.setAttribute("aria-labelledby", heading.id);
    const nameLine = el("p", "kb-cert-name");
    sheet.append(el("p", "kb-cert-site", SITE), el("p", "kb-cert-title", s.title), el("p", "kb-cert-lead", s.certify),
      nameLine, el("p", "kb-cert-lead", s.completed), el("p", "kb-cert-course", s.course),
      el("p", "kb-cert-result", fill(s.result, values)));
    if (record.date) sheet.append(el("p", "kb-cert-date", fill(s.date, values)));

    const showName = () => {
      const value = input.value.trim();
      nameLine.textContent = value || s.placeholder;
      nameLine.classList.toggle("kb-cert-name-empty", !value);
      if (value) {
        error.textContent = "";
        input.removeAttribute("aria-invalid");
      }
    };
    input.addEventListener("input", showName);
    showName();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!input.value.trim()) {
        error.textContent = s.empty;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      window.print();
    });

    linkBlock.before(status, form, heading, sheet);
    box.append(linkBlock); // the exam link stays, after the certificate, for a retake
  }

  function init() {
    document.querySelectorAll(".kb-certificate[data-kb-pass]").forEach(render);
    // Printing shows only the certificate, once there is one to print.
    document.documentElement.classList.toggle("kb-cert-ready", Boolean(document.querySelector(".kb-cert-passed")));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  // A score saved in another tab, or this page restored from the back/forward cache.
  window.addEventListener("storage", (event) => {
    if (!event.key || event.key.startsWith("kb-quiz-score:")) init();
  });
  window.addEventListener("pageshow", (event) => { if (event.persisted) init(); });
})();
