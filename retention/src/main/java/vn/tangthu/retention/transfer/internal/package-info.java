/** Implementation of the transfer package writers; not for use by other modules. */
package vn.tangthu.retention.transfer.internal;
