/** Health checks on the admin port. */
package vn.tangthu.archive.health;
