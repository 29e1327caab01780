# Wrong answer for q1: uses the transpose of P_pi, summing over where transitions come from.
def policy_evaluation(P, R, gamma, policy):
    """v_pi, shape (S,), for P (S, A, S), R (S, A), a discount gamma < 1 and policy (S, A)."""
    P, R, policy = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(policy, dtype=float)
    R_pi = np.sum(policy * R, axis=1)
    P_pi = np.einsum("sa,sat->st", policy, P)
    return np.linalg.solve(np.eye(len(R_pi)) - gamma * P_pi.T, R_pi)
