// Partnerdesk portal: small enhancements. Every page works without this script.
"use strict";
document.documentElement.classList.add("js");

// The browser's time zone, for times shown to a user who chose none in Settings.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && /^[A-Za-z0-9/_+-]+$/.test(zone) && document.cookie.indexOf("tz=" + zone) === -1) {
      var secure = location.protocol === "https:" ? "; secure" : "";
      document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax" + secure;
    }
  } catch (e) { /* times stay in UTC */ }
})();

function onReady(run) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}

onReady(function () {
  // Focus the error summary of a refused form, so that it is read first.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // The language switcher applies on change.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // A second click on a submit button while the first is under way does nothing.
  document.querySelectorAll("form[method='post']").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitting === "yes") { event.preventDefault(); return; }
      var submitter = event.submitter;
      if (submitter && submitter.name === "action" && submitter.value === "country") return;
      form.dataset.submitting = "yes";
    });
  });
  // A page the back button restores takes clicks again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
    });
  });

  // Choosing a country re-renders its fields at once: the same round trip as the
  // "apply" button, with the country's fields swapped in around the country list itself,
  // which keeps its focus (people type a country's name into it, one change per letter).
  var accountForm = document.getElementById("account-form");
  if (accountForm) {
    var latest = 0;
    accountForm.addEventListener("change", function (event) {
      var select = event.target;
      if (!select.matches("select[data-country]")) return;
      var asked = ++latest;
      var body = new URLSearchParams(new FormData(accountForm));
      body.set("action", "country");
      fetch(accountForm.getAttribute("action"), { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (asked !== latest) return;
          var next = new DOMParser().parseFromString(html, "text/html").getElementById("company-details");
          var kept = document.getElementById("field-country");
          var nextCountry = next && next.querySelector("#field-country");
          if (!kept || !nextCountry) return;
          var grid = kept.parentNode;
          Array.prototype.slice.call(grid.children).forEach(function (child) {
            if (child !== kept) child.remove();
          });
          var before = true;
          Array.prototype.slice.call(nextCountry.parentNode.children).forEach(function (child) {
            if (child === nextCountry) before = false;
            else if (before) grid.insertBefore(child, kept);
            else grid.appendChild(child);
          });
          kept.classList.remove("invalid");
          select.removeAttribute("aria-invalid");
          var described = (select.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
            return id && id !== "country-error";
          });
          if (described.length) select.setAttribute("aria-describedby", described.join(" "));
          else select.removeAttribute("aria-describedby");
          var error = document.getElementById("country-error");
          if (error) error.remove();
        })
        .catch(function () {});
    });
  }

  // The domain's availability, checked as the prefix is typed.
  var domain = document.querySelector("input[data-domain]");
  var status = document.getElementById("domain-status");
  if (domain && status) {
    var timer;
    domain.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var prefix = domain.value.trim();
        if (!prefix) { status.textContent = ""; return; }
        fetch("/customers/new/domain?prefix=" + encodeURIComponent(prefix), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (answer) { status.textContent = answer.message; })
          .catch(function () {});
      }, 350);
    });
  }

  // A license count typed for an offer ticks the offer (the server does the same without
  // this script). Unticking it afterwards means "not this one": the count typed becomes
  // the one shown, so that the server doesn't tick it again.
  document.querySelectorAll(".offer input[name^='quantity-']").forEach(function (input) {
    var id = input.name.slice("quantity-".length);
    var box = document.getElementById("offer-" + id);
    var shown = input.form && input.form.elements["shown-quantity-" + id];
    if (!box) return;
    input.addEventListener("input", function () {
      if (input.value.trim()) box.checked = true;
    });
    box.addEventListener("change", function () {
      if (!box.checked && shown) shown.value = input.value;
    });
  });

  // Copy buttons.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      if (!source || !navigator.clipboard) return;
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = button.dataset.copied;
      });
    });
  });
});
