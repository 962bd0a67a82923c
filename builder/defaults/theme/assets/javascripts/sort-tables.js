// Sortable tables: a click on a column heading of a table marked .archive-sortable sorts
// its rows by that column (again: the other way). Numbers sort as numbers ("2,000" > "600"),
// by the first number a cell gives ("24 or more", "30–40").
(function () {
  function key(cell) {
    var text = cell.textContent.trim();
    var number = text.match(/^\D{0,12}?(\d[\d,]*(\.\d+)?)/);  // "600", "24 or more", "over 2,000", "30–40"
    return number ? [0, parseFloat(number[1].replace(/,/g, "")), text] : [1, 0, text.toLowerCase()];
  }
  function compare(a, b) {
    for (var i = 0; i < 3; i++) { if (a[i] < b[i]) return -1; if (a[i] > b[i]) return 1; }
    return 0;
  }
  function sortBy(table, column, heading) {
    var body = table.tBodies[0];
    var up = heading.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var order = compare(key(r1.cells[column]), key(r2.cells[column]));
      return up ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", up ? "ascending" : "descending");
  }
  function setUp() {
    document.querySelectorAll("table.archive-sortable").forEach(function (table) {
      if (!table.tHead || table.dataset.sortable) return;
      table.dataset.sortable = "yes";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "archive-sort";
        button.textContent = heading.textContent;
        button.addEventListener("click", function () { sortBy(table, column, heading); });
        heading.textContent = "";
        heading.appendChild(button);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
