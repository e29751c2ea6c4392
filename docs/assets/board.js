/* The board's filters and sorting: an optional layer over a table that is complete without it. */
(function () {
  "use strict";

  function setUp() {
    var table = document.getElementById("board-table");
    var box = document.querySelector("[data-board-controls]");
    if (!table || !box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "1");
    var groups = Array.prototype.slice.call(table.tBodies);
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr.board-row"));
    var sorted = document.createElement("tbody");
    sorted.className = "board-sorted";
    sorted.hidden = true;
    table.appendChild(sorted);
    rows.forEach(function (row) { row._home = row.parentNode; });

    function distinct(read) {
      var seen = [];
      rows.forEach(function (row) {
        read(row).forEach(function (value) { if (value && seen.indexOf(value) < 0) seen.push(value); });
      });
      return seen;
    }
    function control(labelText, name, options) {
      var label = document.createElement("label");
      label.appendChild(document.createTextNode(labelText));
      var select = document.createElement("select");
      select.name = name;
      options.forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        select.appendChild(option);
      });
      label.appendChild(select);
      box.appendChild(label);
      select.addEventListener("change", update);
      return select;
    }
    function all(values) {
      return [["", "全部"]].concat(values.map(function (v) { return [v, v]; }));
    }

    var statusPairs = [];
    rows.forEach(function (row) {
      var code = row.getAttribute("data-status");
      if (!statusPairs.some(function (p) { return p[0] === code; })) statusPairs.push([code, row.getAttribute("data-status-label"), +row.getAttribute("data-status-rank")]);
    });
    statusPairs.sort(function (a, b) { return a[2] - b[2]; });

    var lead = control("牵头单位", "lead", all(distinct(function (r) { return (r.getAttribute("data-lead") || "").split("|"); }).concat(["方案未单列"])));
    var group = control("分组", "group", all(groups.map(function (g) { return g.getAttribute("data-group"); })));
    var status = control("状态", "status", [["", "全部"]].concat(statusPairs.map(function (p) { return [p[0], p[1]]; })));
    var order = control("排序", "order", [["plan", "按方案顺序"], ["status", "按状态"], ["lead", "按牵头单位"], ["name", "按指标名称"]]);
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "清除筛选";
    reset.addEventListener("click", function () { lead.value = ""; group.value = ""; status.value = ""; order.value = "plan"; update(); });
    box.appendChild(reset);
    var shown = document.createElement("output");
    shown.setAttribute("aria-live", "polite");
    box.appendChild(shown);
    box.hidden = false;

    function matches(row) {
      var leads = (row.getAttribute("data-lead") || "").split("|").filter(Boolean);
      if (lead.value === "方案未单列" ? leads.length > 0 : lead.value && leads.indexOf(lead.value) < 0) return false;
      if (group.value && row._home.getAttribute("data-group") !== group.value) return false;
      return !status.value || row.getAttribute("data-status") === status.value;
    }
    var compare = {
      status: function (a, b) { return a.getAttribute("data-status-rank") - b.getAttribute("data-status-rank"); },
      lead: function (a, b) { return (a.getAttribute("data-lead") || "\uffff").localeCompare(b.getAttribute("data-lead") || "\uffff", "zh-CN"); },
      name: function (a, b) { return a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"), "zh-CN"); }
    };
    function update() {
      var count = 0;
      rows.forEach(function (row) { row.hidden = !matches(row); if (!row.hidden) count += 1; });
      if (order.value === "plan") {
        rows.forEach(function (row) { row._home.appendChild(row); });
        sorted.hidden = true;
        groups.forEach(function (g) { g.hidden = !g.querySelector("tr.board-row:not([hidden])"); });
      } else {
        rows.slice().sort(function (a, b) {
          return compare[order.value](a, b) || a.getAttribute("data-order") - b.getAttribute("data-order");
        }).forEach(function (row) { sorted.appendChild(row); });
        groups.forEach(function (g) { g.hidden = true; });
        sorted.hidden = false;
      }
      shown.textContent = "显示 " + count + " / " + rows.length + " 项";
    }
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
