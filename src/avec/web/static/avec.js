// AVEC: the few behaviours that need a script. Everything works without it except copying.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy-target]");
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy-target"));
  var status = document.getElementById(button.getAttribute("data-copy-status"));
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.innerText).then(function () {
    if (status) status.textContent = button.getAttribute("data-copied-text") || "OK";
  });
});
