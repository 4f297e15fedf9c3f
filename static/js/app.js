/* Behaviour of the site's pages, kept out of the templates: the Content-Security-Policy allows no inline script
   and no on*= attributes. Markup asks for behaviour with data attributes:
   - <form data-confirm="Câu hỏi?">      asks before submitting;
   - <select data-autosubmit>            submits its form when changed;
   - input[name=recipient_kind] + .kind-block[data-kind]   shows the block of the chosen kind (nomination form). */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field instanceof HTMLElement && field.hasAttribute("data-autosubmit") && field.form) {
      field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
    }
  });

  function showKind() {
    var blocks = document.querySelectorAll(".kind-block");
    if (!blocks.length) { return; }
    var checked = document.querySelector('input[name="recipient_kind"]:checked');
    var kind = checked ? checked.value : "tap_the";
    blocks.forEach(function (el) { el.hidden = el.dataset.kind !== kind; });
  }

  function init() {
    document.querySelectorAll('input[name="recipient_kind"]').forEach(function (el) {
      el.addEventListener("change", showKind);
    });
    showKind();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
