/* The header's menu on a phone: the "Menü" button (#nav-toggle) opens and closes #nav-menu, and
   says so in aria-expanded; a chosen link or Escape closes it again (focus back on the button). */
(function () {
  function setOpen(open) {
    var toggle = document.getElementById("nav-toggle");
    var menu = document.getElementById("nav-menu");
    if (!toggle || !menu) return;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("#nav-toggle");
    if (toggle) {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    } else if (event.target.closest("#nav-menu a")) {
      setOpen(false);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest("#nav-menu")) return;
    var toggle = document.getElementById("nav-toggle");
    if (!toggle || toggle.getAttribute("aria-expanded") !== "true") return;
    setOpen(false);
    toggle.focus();
  });
})();
