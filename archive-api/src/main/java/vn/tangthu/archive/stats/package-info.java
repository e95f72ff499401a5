/** Figures for the dashboard ({@code GET /stats}): records, pages and the printing avoided. */
package vn.tangthu.archive.stats;
