/** Loading and error lines shared by every panel. */
export function Status({ state, empty }) {
  if (state.error) return <p class="error" role="alert">{String(state.error.message ?? state.error)}</p>;
  if (state.loading && !state.data) return <p class="muted">Loading…</p>;
  if (empty) return <p class="muted">{empty}</p>;
  return null;
}
