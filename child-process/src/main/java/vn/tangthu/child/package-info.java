/**
 * Pools of warm child JVMs for work that must not hang or exhaust the caller (parsing hostile
 * documents). A {@link vn.tangthu.child.ChildPool} starts {@link vn.tangthu.child.ForkSettings}'s
 * number of children running a {@link vn.tangthu.child.ChildProgram}, sends each request to an idle
 * warm child, kills and replaces a child that exceeds the time limit, is interrupted, crashes or
 * runs out of memory, and reports which of these happened ({@link vn.tangthu.child.ChildFailure}).
 * The child's {@code main} serves requests with {@link vn.tangthu.child.ChildLoop}. Requests and
 * answers are opaque byte frames: each user defines its own encoding. Several pools with different
 * settings may run side by side; they share nothing.
 */
package vn.tangthu.child;
