/** Who may see and do what: the visibility rule, implemented once. */
package vn.tangthu.archive.access;
