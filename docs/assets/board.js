/* The board's filters and sorting: an optional layer over a table that is complete without it.
   Every word it shows and every value it accepts is in the page (scripts/website/pages/board.py); values read from
   the address (?lead=…&group=…&status=…&order=…) are used only when one of the page's own options has them, and
   everything is written as text (textContent, text nodes), never as markup. */
(function () {
  "use strict";

  var FILTERS = ["lead", "group", "status"];

  function setUp() {
    var table = document.getElementById("board-table");
    var form = document.querySelector("[data-board-controls]");
    if (!table || !form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var words = form.dataset;
    var groups = Array.prototype.slice.call(table.tBodies);
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr.board-row"));
    var sorted = document.createElement("tbody");
    sorted.className = "board-sorted";
    sorted.hidden = true;
    table.appendChild(sorted);
    rows.forEach(function (row) { row._home = row.parentNode; });
    var caption = table.querySelector("caption");
    var strip = document.querySelector(".status-strip");
    var total = strip && strip.querySelector("[data-board-total]");
    var counts = strip ? Array.prototype.slice.call(strip.querySelectorAll("li[data-status]")) : [];
    var shown = form.querySelector("output");
    var select = {};
    ["lead", "group", "status", "order"].forEach(function (name) {
      select[name] = form.elements[name];
      select[name].addEventListener("change", changed);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(changed, 0); });

    /* A template's {names} filled in, as text nodes; numbers in bold when `bold` is given. */
    function fill(element, template, values, bold) {
      while (element.firstChild) element.removeChild(element.firstChild);
      template.split(/(\{\w+\})/).forEach(function (part) {
        var name = /^\{(\w+)\}$/.exec(part);
        if (!name) { if (part) element.appendChild(document.createTextNode(part)); return; }
        var node = document.createTextNode(String(values[name[1]]));
        if (bold) { var strong = document.createElement("strong"); strong.appendChild(node); node = strong; }
        element.appendChild(node);
      });
    }
    function optionText(name) {
      var s = select[name];
      return s.options[s.selectedIndex].textContent;
    }
    function accepts(name, value) {
      return Array.prototype.some.call(select[name].options, function (option) { return option.value === value; });
    }

    function matches(row) {
      if (select.lead.value && row.getAttribute("data-lead") !== select.lead.value) return false;
      if (select.group.value && row._home.getAttribute("data-group") !== select.group.value) return false;
      return !select.status.value || row.getAttribute("data-status") === select.status.value;
    }
    var compare = {
      status: function (a, b) { return a.getAttribute("data-status-rank") - b.getAttribute("data-status-rank"); },
      lead: function (a, b) { return (a.getAttribute("data-lead-name") || "\uffff").localeCompare(b.getAttribute("data-lead-name") || "\uffff", "zh-CN"); },
      name: function (a, b) { return a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"), "zh-CN"); }
    };

    function update() {
      var count = 0;
      var byStatus = {};
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (row.hidden) return;
        count += 1;
        byStatus[row.getAttribute("data-status")] = (byStatus[row.getAttribute("data-status")] || 0) + 1;
      });
      if (select.order.value === "plan") {
        rows.forEach(function (row) { row._home.appendChild(row); });
        sorted.hidden = true;
        groups.forEach(function (g) { g.hidden = !g.querySelector("tr.board-row:not([hidden])"); });
      } else {
        rows.slice().sort(function (a, b) {
          return compare[select.order.value](a, b) || a.getAttribute("data-order") - b.getAttribute("data-order");
        }).forEach(function (row) { sorted.appendChild(row); });
        groups.forEach(function (g) { g.hidden = true; });
        sorted.hidden = false;
      }
      var chosen = FILTERS.filter(function (name) { return select[name].value; });
      var values = {
        shown: count, total: rows.length, order: optionText("order"),
        filters: chosen.map(function (name) {
          return words.filter.replace("{label}", select[name].parentNode.firstChild.textContent).replace("{value}", optionText(name));
        }).join("；")
      };
      fill(shown, words.shown, values);
      if (caption) fill(caption, chosen.length ? words.captionFiltered : words.caption, values);
      if (total) fill(total, chosen.length ? words.totalFiltered : words.total, values, true);
      counts.forEach(function (item) {
        var n = byStatus[item.getAttribute("data-status")] || 0;
        item.hidden = n === 0 && !item.hasAttribute("data-always");
        item.querySelector("strong").textContent = String(n);
      });
    }

    /* The filters as the address says them, so that a filtered view can be shared and reopened. */
    function remember() {
      var params = new URLSearchParams(window.location.search);
      params.delete("h");  // the theme's search highlight: not part of the view
      ["lead", "group", "status", "order"].forEach(function (name) {
        var value = select[name].value;
        if (value && !(name === "order" && value === "plan")) params.set(name, value);
        else params.delete(name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
    function changed() { update(); remember(); }

    /* On the board, a status count filters in place and keeps the other filters. */
    counts.forEach(function (item) {
      var link = item.querySelector("a");
      if (!link) return;  // a count of none is not a link
      link.addEventListener("click", function (event) {
        var code = item.getAttribute("data-status");
        if (!accepts("status", code)) return;
        event.preventDefault();
        select.status.value = select.status.value === code ? "" : code;
        changed();
      });
    });

    var asked = new URLSearchParams(window.location.search);
    ["lead", "group", "status", "order"].forEach(function (name) {
      var value = asked.get(name);
      if (value !== null && accepts(name, value)) select[name].value = value;
    });
    form.hidden = false;
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
