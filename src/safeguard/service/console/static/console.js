// Reveal a blurred evidence thumbnail for a few seconds, then blur it again.
// The clear picture is fetched only on the click (a CSRF-checked, audited POST) and is never
// cached; without JavaScript the same form posts normally and the server answers with a page
// that shows the picture and returns to the case by itself.
(function () {
  "use strict";
  document.querySelectorAll("form[data-reveal]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var img = document.getElementById(form.dataset.reveal);
      var state = document.getElementById(form.dataset.reveal + "-state");
      var count = document.getElementById("reveals-today");
      var button = form.querySelector("button");
      var seconds = parseInt(form.dataset.seconds || "6", 10);
      var blurredSrc = img.dataset.blurred;
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "Accept": "image/jpeg", "X-CSRF-Token": form.elements.csrf_token.value },
        credentials: "same-origin",
        cache: "no-store",
      }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (!response.ok || type.indexOf("image/") !== 0) {
          // Refused, or the session ended and the answer is the login page.
          throw new Error("Reveal refused (" + response.status + "): reload the page.");
        }
        var total = response.headers.get("X-Reveals-Today");
        if (count && total) { count.textContent = total; }
        return response.blob();
      }).then(function (blob) {
        var url = URL.createObjectURL(blob);
        img.src = url;
        img.dataset.state = "revealed";
        var left = seconds;
        state.className = "state revealed";
        state.textContent = "Revealed — blurs again in " + left + " s";
        var timer = setInterval(function () {
          left -= 1;
          if (left > 0) {
            state.textContent = "Revealed — blurs again in " + left + " s";
            return;
          }
          clearInterval(timer);
          img.src = blurredSrc;
          img.dataset.state = "blurred";
          URL.revokeObjectURL(url);
          state.className = "state";
          state.textContent = "Blurred and greyscale";
          button.disabled = false;
        }, 1000);
      }).catch(function (err) {
        state.textContent = String(err.message || err);
        button.disabled = false;
      });
    });
  });
})();
