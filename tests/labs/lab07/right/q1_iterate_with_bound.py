# Right answer for q1, another way: sweeps until the last change delta guarantees the precision, using
# ||v_k - v_pi|| <= gamma delta / (1 - gamma).
def policy_evaluation(P, R, gamma, policy):
    """v_pi, shape (S,), for P (S, A, S), R (S, A), a discount gamma < 1 and policy (S, A)."""
    P, R, policy = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(policy, dtype=float)
    r_pi = (policy * R).sum(axis=1)
    P_pi = (policy[:, :, None] * P).sum(axis=1)
    v = np.zeros_like(r_pi)
    tol = 1e-11 * (1 - gamma) / max(gamma, 1e-12)
    for _ in range(200_000):
        v_new = r_pi + gamma * P_pi @ v
        delta = np.abs(v_new - v).max()
        v = v_new
        if delta <= tol:
            break
    return v
