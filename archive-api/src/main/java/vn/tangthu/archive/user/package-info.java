/** Users and their API tokens, managed by administrators ({@code /users}). */
package vn.tangthu.archive.user;
