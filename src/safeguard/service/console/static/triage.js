// Keyboard shortcuts of the triage queue: j/k select the next/previous item, the scheme's
// codes categorise the selected item (or its whole stack), r reveals it (the audited POST
// of console.js). Nothing happens while typing in a field.
(function () {
  "use strict";
  var queue = document.querySelector(".triage-queue");
  if (!queue) { return; }
  var items = Array.prototype.slice.call(queue.querySelectorAll(".triage-item"));
  var codes = (queue.dataset.codes || "").toLowerCase();
  var current = 0;
  function select(i) {
    if (!items.length) { return; }
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el, n) { el.classList.toggle("selected", n === current); });
    items[current].focus();
  }
  items.forEach(function (el, n) { el.addEventListener("focus", function () { current = n; }); });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var key = event.key.toLowerCase();
    if (key === "j") { select(current + 1); event.preventDefault(); return; }
    if (key === "k") { select(current - 1); event.preventDefault(); return; }
    var item = items[current];
    if (!item) { return; }
    if (key === "r") {
      var reveal = item.querySelector("form[data-reveal]");
      if (reveal) { reveal.requestSubmit(); event.preventDefault(); }
      return;
    }
    if (key.length === 1 && codes.indexOf(key) >= 0) {
      var button = item.querySelector(".triage-codes button[value='" + key.toUpperCase() + "']");
      if (button) { button.click(); event.preventDefault(); }
    }
  });
  select(0);
})();
