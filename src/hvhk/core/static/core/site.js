/* Progressive enhancement for the public pages: everything works without this file. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }

  function enhance(root) {
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });

    root.querySelectorAll("[data-share]").forEach(function (button) {
      if (!navigator.share && !navigator.clipboard) return;  // nothing to share with: the button stays hidden
      button.hidden = false;
      button.addEventListener("click", function () {
        var data = { title: button.dataset.title, url: button.dataset.url };
        if (navigator.share) { navigator.share(data).catch(function () {}); return; }
        if (navigator.clipboard) {
          navigator.clipboard.writeText(data.url).then(function () {
            button.textContent = button.dataset.copied || "✓";
          });
        }
      });
    });

    root.querySelectorAll("[data-locate]").forEach(function (button) {
      if (!navigator.geolocation) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          var form = button.form;
          form.querySelector("#f-near").value =
            position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
          var postcode = form.querySelector("#f-postcode");
          if (postcode) postcode.value = "";
          form.requestSubmit ? form.requestSubmit() : form.submit();
        });
      });
    });

    root.querySelectorAll("[data-map-toggle]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { toggleMap(button); });
    });
  }

  function loadLeaflet(panel, done) {
    if (window.L) { done(); return; }
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = panel.dataset.leafletCss;
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = panel.dataset.leafletJs;
    script.onload = done;
    document.head.appendChild(script);
  }

  function toggleMap(button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    var open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (!open || panel.dataset.ready) return;
    loadLeaflet(panel, function () {
      var points = JSON.parse(document.getElementById("map-points").textContent);
      var canvas = panel.querySelector(".results__map-canvas");
      var map = window.L.map(canvas);
      window.L.tileLayer(panel.dataset.tiles, { attribution: panel.dataset.attribution, maxZoom: 19 }).addTo(map);
      var bounds = [];
      points.forEach(function (p) {
        var marker = window.L.marker([p.lat, p.lon]).addTo(map);
        var link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.name;
        var place = document.createElement("div");
        place.textContent = p.place;
        var popup = document.createElement("div");
        popup.appendChild(link);
        popup.appendChild(place);
        marker.bindPopup(popup);
        bounds.push([p.lat, p.lon]);
      });
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
      panel.dataset.ready = "1";
    });
  }

  ready(function () {
    enhance(document);
    var panel = document.querySelector("[data-open-wide]");
    if (panel && window.matchMedia("(min-width: 60rem)").matches) panel.open = true;
    document.body.addEventListener("htmx:afterSwap", function (event) { enhance(event.detail.target); });
  });
})();
