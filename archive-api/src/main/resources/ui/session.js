// Signing in with a username and a password (POST /api/v1/sessions) and out again.

/** A session token for these credentials; throws an Error with a Vietnamese message if refused. */
export async function openSession(username, password) {
  const res = await fetch("/api/v1/sessions", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": "vi" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status === 201) {
    const token = (await res.json()).token;
    sessionStorage.setItem("tangthu.session", token);
    return token;
  }
  let problem = {};
  try { problem = await res.json(); } catch (e) { /* not JSON */ }
  const error = new Error(res.status === 401
    ? "Tên đăng nhập hoặc mật khẩu không đúng."
    : problem.detail || problem.title || "HTTP " + res.status);
  error.problem = problem;
  throw error;
}

/** Ends {@code token} on the server when it is a session opened here (never an API token). */
export async function closeSession(token) {
  if (sessionStorage.getItem("tangthu.session") !== token) return;
  sessionStorage.removeItem("tangthu.session");
  try {
    await fetch("/api/v1/sessions/current", {
      method: "DELETE", headers: { Authorization: "Bearer " + token },
    });
  } catch (e) { /* signing out locally is enough */ }
}
