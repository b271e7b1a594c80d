/* /admin/daten: say at once when the chosen file is over the upload limit, instead of sending it
 * all to get the server's 413 page; and keep the button from sending the file twice.
 *
 * The form works without this script: the server checks the limit itself (dashboard/upload.py).
 */
(function () {
  "use strict";

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form || form.id !== "upload-form") return;
      var input = form.querySelector("input[type=file]");
      var message = document.getElementById("upload-client-message");
      var limit = parseInt(form.getAttribute("data-max-bytes"), 10);
      var file = input && input.files && input.files[0];
      if (file && limit && file.size > limit) {
        event.preventDefault();
        if (message) message.textContent = form.getAttribute("data-too-large");
        input.focus();
        return;
      }
      if (message) message.textContent = "";
      var button = form.querySelector("button[type=submit]");
      if (button) {
        if (button.getAttribute("aria-disabled") === "true") {
          event.preventDefault(); // already sending
          return;
        }
        button.setAttribute("aria-disabled", "true");
      }
      form.setAttribute("aria-busy", "true");
    },
    true
  );

  // Back to the page from the browser's cache: the form may be sent again.
  window.addEventListener("pageshow", function () {
    var form = document.getElementById("upload-form");
    if (!form) return;
    form.removeAttribute("aria-busy");
    var button = form.querySelector("button[type=submit]");
    if (button) button.removeAttribute("aria-disabled");
  });
})();
