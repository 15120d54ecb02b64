/* Quiz pages: check answers, feedback, score, retry and saved progress, on top of a paper quiz
   that works without JavaScript. HTML contract: scripts/kb/render/quizzes.py. No inline code
   (strict CSP), nothing is sent anywhere: progress and the last score shown stay in this browser's
   localStorage. */
(function () {
  "use strict";
  if (window.kbQuizLoaded) return; // evaluated again by instant navigation
  window.kbQuizLoaded = true;

  const TEXT = {
    zh: {check: "检查答案", score: "计算得分", retry: "重新作答", right: "✓ 正确", partly: "◐ 部分正确",
      wrong: "✗ 不正确", choose: "请先选择答案。", total: "得分 {x} / {n}", open: "（未作答 {k} 题）"},
    en: {check: "Check answer", score: "Show score", retry: "Try again", right: "✓ Correct",
      partly: "◐ Partly correct", wrong: "✗ Not correct", choose: "Choose an answer first.",
      total: "Score {x} / {n}", open: " ({k} not answered)"}
  };
  const MARKS = ["kb-right", "kb-wrong", "kb-missed"];

  const store = {
    get(key) { try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; } },
    set(key, value) {
      try {
        if (value) localStorage.setItem(key, JSON.stringify(value)); else localStorage.removeItem(key);
      } catch (e) { /* private mode or storage full: progress is simply not kept */ }
    }
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, className) {
    const node = el("button", "md-button " + className, text);
    node.type = "button";
    return node;
  }

  function inputs(question) { return Array.from(question.querySelectorAll(".kb-options input")); }

  function answerOf(question) {
    // The <details class="kb-answer"> written after this fieldset (before the next question).
    for (let node = question.nextElementSibling; node && !node.matches(".kb-question");
      node = node.nextElementSibling) {
      if (node.matches("details.kb-answer")) return node;
    }
    return null;
  }

  function evaluate(question) {
    const correct = question.dataset.kbCorrect.split(",");
    const ticked = inputs(question).filter((input) => input.checked).map((input) => input.value);
    if (!ticked.length) return null;
    const good = ticked.filter((value) => correct.includes(value)).length;
    const net = Math.max(0, good - (ticked.length - good));
    const credit = question.dataset.kbType === "multiple" ? net / correct.length : good === ticked.length ? 1 : 0;
    return {credit, net, correct, ticked};
  }

  function clear(question) {
    question.querySelectorAll(".kb-options label").forEach((label) => label.classList.remove(...MARKS));
    const result = question.querySelector(".kb-result");
    result.textContent = "";
    delete result.dataset.kbVerdict;
  }

  function show(question, s, outcome) {
    clear(question);
    const result = question.querySelector(".kb-result");
    if (!outcome) {
      result.append(el("p", "kb-verdict", s.choose));
      return;
    }
    const {credit, net, correct, ticked} = outcome;
    const verdict = credit === 1 ? "right" : credit > 0 ? "partly" : "wrong";
    result.dataset.kbVerdict = verdict;
    result.append(el("p", "kb-verdict", s[verdict] + (verdict === "partly" ? ` (${net}/${correct.length})` : "")));
    inputs(question).forEach((input) => {
      const right = correct.includes(input.value);
      const mark = right ? (input.checked ? "kb-right" : "kb-missed") : input.checked ? "kb-wrong" : "";
      if (mark) input.closest("label").classList.add(mark);
    });
    const answer = answerOf(question);
    if (!answer) return;
    const notes = ticked.filter((value) => !correct.includes(value))
      .map((value) => answer.querySelector(`li[data-kb-option="${value}"]`)).filter(Boolean);
    if (notes.length) {
      const list = el("ul", "kb-option-feedback");
      notes.forEach((note) => list.append(note.cloneNode(true)));
      result.append(list);
    }
    // The correct answer, the explanation and the links, copied from the answer block.
    Array.from(answer.children).forEach((node) => {
      if (node.matches("summary, .kb-option-feedback") || !node.textContent.trim()) return;
      const copy = node.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach((child) => child.removeAttribute("id"));
      result.append(copy);
    });
  }

  function shuffle(question) {
    const box = question.querySelector(".kb-options");
    const labels = Array.from(box.querySelectorAll("label"));
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [labels[i], labels[j]] = [labels[j], labels[i]];
    }
    labels.forEach((label) => box.append(label));
  }

  function init() {
    const s = TEXT[document.documentElement.lang.startsWith("zh") ? "zh" : "en"];
    document.querySelectorAll(".kb-quiz[data-kb-quiz]").forEach((quiz) => {
      if (quiz.dataset.kbReady) return;
      quiz.dataset.kbReady = "1";
      const questions = Array.from(quiz.querySelectorAll(".kb-question"));
      const scoreBox = quiz.querySelector(".kb-score");
      const key = (question) => "kb-quiz:" + location.pathname + ":" + question.id;
      const save = (question, checked) => {
        const values = inputs(question).filter((input) => input.checked).map((input) => input.value);
        store.set(key(question), values.length ? {values, checked} : null);
      };
      const check = (question) => {
        const outcome = evaluate(question);
        show(question, s, outcome);
        save(question, Boolean(outcome));
        return outcome;
      };

      questions.forEach((question) => {
        const checkButton = button(s.check, "kb-check");
        checkButton.addEventListener("click", () => check(question));
        question.querySelector(".kb-options").after(checkButton);
        question.addEventListener("change", () => {
          clear(question);
          if (scoreBox) scoreBox.textContent = "";
          save(question, false);
        });
        // Restore saved progress (and undo any form state the browser itself restored).
        const saved = store.get(key(question)) || {};
        const values = Array.isArray(saved.values) ? saved.values : [];
        inputs(question).forEach((input) => { input.checked = values.includes(input.value); });
        if (saved.checked && values.length) show(question, s, evaluate(question));
      });

      const actions = el("div", "kb-actions");
      const scoreButton = button(s.score, "md-button--primary kb-show-score");
      const retryButton = button(s.retry, "kb-retry");
      actions.append(scoreButton, retryButton);
      if (scoreBox) scoreBox.before(actions); else quiz.append(actions);

      scoreButton.addEventListener("click", () => {
        let total = 0;
        let open = 0;
        questions.forEach((question) => {
          const outcome = evaluate(question);
          if (outcome) total += check(question).credit; else open++;
        });
        const text = s.total.replace("{x}", total.toFixed(1)).replace("{n}", questions.length)
          + (open ? s.open.replace("{k}", open) : "");
        if (scoreBox) scoreBox.textContent = text;
        // The score as shown, for the certificate page (assets/kb/certificate.js). Local date.
        const d = new Date();
        const date = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
        store.set("kb-quiz-score:" + location.pathname, {score: Number(total.toFixed(1)), total: questions.length, date});
      });

      retryButton.addEventListener("click", () => {
        questions.forEach((question) => {
          inputs(question).forEach((input) => { input.checked = false; });
          clear(question);
          shuffle(question);
          store.set(key(question), null);
          const answer = answerOf(question);
          if (answer) answer.open = false;
        });
        if (scoreBox) scoreBox.textContent = "";
        const first = questions.length && inputs(questions[0])[0];
        if (first) first.focus();
      });
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
