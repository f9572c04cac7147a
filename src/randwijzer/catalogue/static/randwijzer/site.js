/* Randwijzer's only script (CSP: script-src 'self', no inline code). Everything works without it.
   1. The main menu on a phone: a button that opens and closes the list (site.css folds it below 48rem);
      without this script the button stays hidden and the menu open.
   2. Filters folded in <details data-open-wide> on a phone are opened on a wide screen. */
(function () {
  "use strict";
  function setUp() {
    var button = document.querySelector(".menu-button");
    var nav = button && button.closest("nav");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) { return; }
    function setOpen(open) { button.setAttribute("aria-expanded", open ? "true" : "false"); }
    button.hidden = false;
    nav.classList.add("menu-ready");
    setOpen(false);
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  }
  function openWideFilters() {
    if (!window.matchMedia("(min-width: 48rem)").matches) { return; }
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) { details.open = true; });
  }
  function start() { setUp(); openWideFilters(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
