// recoupe's only script: small conveniences; every page works without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // "/" focuses the search box, as on many sites, unless the user is typing somewhere.
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const box = document.getElementById("q") || document.getElementById("quick-q");
      if (box) {
        event.preventDefault();
        box.focus();
        box.select();
      }
    }
  });

  // Changing a filter re-runs the search at once when there is a query to run.
  const form = document.querySelector("form.search-form");
  if (form) {
    const query = form.querySelector("input[name=q]");
    form.querySelectorAll("select, input[type=date]").forEach((field) => {
      field.addEventListener("change", () => {
        if (query && query.value.trim() !== "") {
          form.requestSubmit();
        }
      });
    });
  }
});
