/* Behaviour shared by every page, without inline scripts (the Content-Security-Policy forbids them).
 *
 * - <form data-confirm="Question?">: asks in a <dialog> before sending; "Đồng ý" sends, "Hủy" or Esc keeps the page.
 * - Every POST form: once sent, its submit buttons are disabled and the pressed one reads its data-busy text
 *   (or the form's, or "Đang xử lý…") with a spinner, so a long action (closing a council session, rendering
 *   PDFs) shows that it is under way and is not sent twice.
 * - [data-toggle-target="#id"]: a button that shows or hides the element (the inbox filters on phones).
 * - [data-unit-picker]: a checkbox list grouped by kind with a filter box (accent-free: "lang son" finds "Lạng
 *   Sơn"; each item carries its folded name in data-picker-item), "Chọn cả nhóm" per group and a count of ticks.
 * - [data-criteria-add]: adds an empty row to the [data-criteria-table] (a copy of its last row, emptied).
 */
(function () {
  "use strict";
  var lang = (document.documentElement.lang || "vi").slice(0, 2);
  var words = lang === "en"
    ? { yes: "Confirm", no: "Cancel", busy: "Working…" }
    : { yes: "Đồng ý", no: "Hủy", busy: "Đang xử lý…" };

  function confirmDialog(message, onYes) {
    var dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-dialog-text");
    var text = document.createElement("p");
    text.id = "confirm-dialog-text";
    text.textContent = message;
    var row = document.createElement("div");
    row.className = "d-flex gap-2 justify-content-end";
    var yes = document.createElement("button");
    yes.type = "button"; yes.className = "btn btn-primary"; yes.textContent = words.yes;
    var no = document.createElement("button");
    no.type = "button"; no.className = "btn btn-outline-secondary"; no.textContent = words.no;
    row.appendChild(yes); row.appendChild(no);
    dialog.appendChild(text); dialog.appendChild(row);
    document.body.appendChild(dialog);
    function close() { dialog.close(); dialog.remove(); }
    yes.addEventListener("click", function () { close(); onYes(); });
    no.addEventListener("click", close);
    dialog.addEventListener("cancel", function () { dialog.remove(); });
    dialog.showModal();
    yes.focus();
  }

  function markBusy(form, submitter) {
    var label = (submitter && submitter.getAttribute("data-busy")) || form.getAttribute("data-busy") || words.busy;
    // After the browser has read the form (a disabled button would not send its name and value).
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]").forEach(function (b) {
        if (!b.disabled) { b.disabled = true; b.setAttribute("data-busy-disabled", "1"); }
      });
      if (submitter && submitter.tagName === "BUTTON") {
        submitter.setAttribute("aria-busy", "true");
        submitter.textContent = "";
        var spin = document.createElement("span");
        spin.className = "spinner-border spinner-border-sm me-1";
        spin.setAttribute("aria-hidden", "true");
        submitter.appendChild(spin);
        submitter.appendChild(document.createTextNode(label));
      }
    }, 0);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    var submitter = event.submitter || null;
    var question = form.getAttribute("data-confirm");
    if (question && form.getAttribute("data-confirmed") !== "1") {
      event.preventDefault();
      confirmDialog(question, function () {
        form.setAttribute("data-confirmed", "1");
        if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
      });
      return;
    }
    form.removeAttribute("data-confirmed");
    var htmx = form.hasAttribute("hx-post") || form.hasAttribute("hx-get");
    if (!event.defaultPrevented && !htmx && (form.method || "").toLowerCase() === "post"
        && !form.hasAttribute("data-no-busy")) {
      markBusy(form, submitter);
    }
  });

  // Back/forward cache: a page shown again must not keep disabled buttons.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("button[aria-busy=true]").forEach(function (b) { b.removeAttribute("aria-busy"); });
    document.querySelectorAll("[data-busy-disabled]").forEach(function (b) {
      b.disabled = false; b.removeAttribute("data-busy-disabled");
    });
  });

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-toggle-target]");
    if (!toggle) { return; }
    var target = document.querySelector(toggle.getAttribute("data-toggle-target"));
    if (!target) { return; }
    var open = target.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  document.querySelectorAll("[data-unit-picker]").forEach(function (picker) {
    var filter = picker.querySelector("[data-picker-filter]");
    var count = picker.querySelector("[data-picker-count]");
    function recount() {
      var n = picker.querySelectorAll("input[type=checkbox]:checked").length;
      if (count) { count.textContent = n ? (lang === "en" ? "(" + n + " chosen)" : "(đã chọn " + n + ")") : ""; }
    }
    if (filter) {
      filter.addEventListener("input", function () {
        var words = fold(filter.value).split(" ").filter(Boolean);
        picker.querySelectorAll("[data-picker-group]").forEach(function (group) {
          var shown = 0;
          group.querySelectorAll("[data-picker-item]").forEach(function (item) {
            var text = item.getAttribute("data-picker-item");
            var match = words.every(function (w) { return text.indexOf(w) !== -1; });
            item.hidden = !match;
            if (match) { shown += 1; }
          });
          group.hidden = shown === 0;
        });
      });
      filter.addEventListener("keydown", function (event) {  // Enter filters; it must not send the form
        if (event.key === "Enter") { event.preventDefault(); }
      });
    }
    picker.addEventListener("click", function (event) {
      var all = event.target.closest && event.target.closest("[data-picker-all]");
      if (!all) { return; }
      var boxes = Array.prototype.filter.call(
        all.closest("[data-picker-group]").querySelectorAll("[data-picker-item]"), function (i) { return !i.hidden; })
        .map(function (i) { return i.querySelector("input"); });
      var tick = boxes.some(function (b) { return !b.checked; });
      boxes.forEach(function (b) { b.checked = tick; });
      recount();
    });
    picker.addEventListener("change", recount);
    recount();
  });

  document.addEventListener("click", function (event) {
    var add = event.target.closest && event.target.closest("[data-criteria-add]");
    if (!add) { return; }
    var rows = add.closest("[data-criteria-table]").querySelectorAll("[data-criteria-row]");
    if (!rows.length) { return; }
    var last = rows[rows.length - 1];
    var copy = last.cloneNode(true);
    var n = rows.length + 1;
    copy.querySelectorAll("input, textarea").forEach(function (field) {
      field.value = "";
      field.setAttribute("aria-label", (field.getAttribute("aria-label") || "").replace(/\d+$/, String(n)));
    });
    last.parentNode.appendChild(copy);
    copy.querySelector("input").focus();
  });
})();

/* Kept out of the templates as well (the Content-Security-Policy allows no on*= attributes):
   - <select data-autosubmit>            submits its form when changed;
   - input[name=recipient_kind] + .kind-block[data-kind]   shows the block of the chosen kind (nomination form).
   (<form data-confirm> is handled above, by the dialog.) */
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field instanceof HTMLElement && field.hasAttribute("data-autosubmit") && field.form) {
      if (field.form.requestSubmit) { field.form.requestSubmit(); } else { field.form.submit(); }
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

/* A table wider than the screen scrolls inside its frame (.table-responsive, or the table itself on a phone): the
 * frame then takes keyboard focus, so the arrow keys scroll it and a keyboard user reaches the columns off to the
 * side (WCAG 2.1.1; axe "scrollable-region-focusable"). Re-checked when the window is resized. */
(function () {
  "use strict";
  var SELECTOR = ".table-responsive, .app-main table.table";

  function scrollsSideways(el) {
    var overflow = window.getComputedStyle(el).overflowX;
    return (overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1;
  }

  function mark() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      if (scrollsSideways(el)) {
        if (!el.hasAttribute("tabindex")) { el.setAttribute("tabindex", "0"); el.setAttribute("data-scroll-focus", ""); }
      } else if (el.hasAttribute("data-scroll-focus")) {
        el.removeAttribute("tabindex"); el.removeAttribute("data-scroll-focus");
      }
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) { window.clearTimeout(pending); }
    pending = window.setTimeout(mark, 150);
  });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", mark); } else { mark(); }
})();
