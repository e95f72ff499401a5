/** Agencies: the tree of the province's bodies, their successors and policies. */
package vn.tangthu.archive.agency;
