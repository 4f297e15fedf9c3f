/* Browser-side signing (issue 18): the adapter between the decision page, the server and the local signing
   plugin on the user's PC. The protocol is described in awards/signing/protocol.py; an agency whose plugin
   speaks another dialect replaces plugin() below, nothing else.
   1. ask the plugin for the token's certificate; 2. POST it to the server, which prepares the PDF and answers
   the SHA-256 to sign; 3. the plugin signs it (it asks the PIN itself); 4. POST the value back; repeat while
   the server names a next step of the same person (the văn thư's seal, then the annex). */
(function () {
  "use strict";
  function csrf() {
    var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function post(url, body) {
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}, body: JSON.stringify(body)})
      .then(function (r) { return r.json(); });
  }
  function plugin(base, message) {
    return fetch(base, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(message)})
      .then(function (r) { return r.json(); })
      .then(function (a) { if (a.error) { throw new Error(a.error); } return a; });
  }
  function run(button) {
    var base = button.dataset.signPlugin, error = document.querySelector("[data-testid=sign-error]");
    button.disabled = true;
    function fail(e) { error.hidden = false; error.textContent = e.message || String(e); button.disabled = false; }
    plugin(base, {action: "certificate"}).then(function (cert) {
      function step() {
        return post(button.dataset.start, {certificate: cert.certificate, chain: cert.chain || []}).then(function (p) {
          if (p.error) { throw new Error(p.error); }
          return plugin(base, {action: "sign_hash", algorithm: "sha256", hash: p.hash, field: p.field})
            .then(function (s) { return post(button.dataset.finish, {session: p.session, signature: s.signature}); })
            .then(function (f) { if (f.error) { throw new Error(f.error); } return f.done ? f : step(); });
        });
      }
      return step();
    }).then(function () { window.location.reload(); }, fail);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-sign-plugin]");
    if (button) { run(button); }
  });
}());
