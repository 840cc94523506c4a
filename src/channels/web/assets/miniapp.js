// Telegram opens the Mini App with its signed start data in the address's fragment; the server checks it
// and answers with the person's own page.
(function () {
  "use strict";
  var main = document.querySelector("main");
  var status = document.getElementById("miniapp-status");
  var hash = new URLSearchParams(location.hash.slice(1));
  var initData = hash.get("tgWebAppData") || "";
  function fail(message) {
    status.textContent = message || main.getAttribute("data-failed");
    status.className = "error";
  }
  fetch("/tg/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ initData: initData, to: main.getAttribute("data-to") }),
  })
    .then(function (response) {
      return response.json();
    })
    .then(function (answer) {
      if (answer.path) location.replace(answer.path);
      else fail(answer.message);
    })
    .catch(function () {
      fail();
    });
})();
