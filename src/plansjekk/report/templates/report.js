(function () {
  "use strict";
  var table = document.getElementById("matrix");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById("filter-text");
  var statusFilter = document.getElementById("filter-status");
  var requirementFilter = document.getElementById("filter-requirement");
  var count = document.getElementById("filter-count");

  function sortValue(row, index, type) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-sort");
    if (value === null) { value = cell.textContent.trim(); }
    return type === "text" ? value.toLocaleLowerCase() : parseFloat(value);
  }

  function sortBy(header) {
    var index = Array.prototype.indexOf.call(header.parentNode.cells, header);
    var type = header.getAttribute("data-type") || "text";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(header.parentNode.cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = sortValue(a, index, type), y = sortValue(b, index, type);
      var order = type === "text" ? x.localeCompare(y, document.documentElement.lang) : x - y;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
  }

  function rowMatches(row) {
    var text = search.value.trim().toLocaleLowerCase();
    if (text && row.getAttribute("data-search").indexOf(text) === -1) { return false; }
    var wanted = statusFilter.value;
    if (wanted !== "all" && row.getAttribute("data-verdict") !== wanted) { return false; }
    var requirement = requirementFilter.value;
    if (requirement) {
      var cell = row.querySelector('td[data-req="' + CSS.escape(requirement) + '"]');
      var status = cell ? cell.getAttribute("data-status") : "";
      if (status !== "partial" && status !== "missing") { return false; }
    }
    return true;
  }

  function applyFilters() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = rowMatches(row);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", shown).replace("{total}", rows.length);
  }

  function openPlan(id) {
    var plan = document.getElementById(id);
    if (!plan || plan.tagName !== "DETAILS") { return; }
    plan.open = true;
    plan.scrollIntoView({ block: "start" });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
    var button = header.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(header); }); }
  });
  [search, statusFilter, requirementFilter].forEach(function (control) {
    control.addEventListener("input", applyFilters);
    control.addEventListener("change", applyFilters);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.plan-link") : null;
    if (link) { openPlan(link.getAttribute("href").slice(1)); }
  });
  window.addEventListener("hashchange", function () { openPlan(location.hash.slice(1)); });
  if (location.hash) { openPlan(location.hash.slice(1)); }
  applyFilters();
})();
