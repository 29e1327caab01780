# Weak answer for q1: 100 sweeps of v <- r_pi + gamma P_pi v, whatever gamma; fine for gamma = 0.5,
# far from v_pi for gamma = 0.99 (the error shrinks only by gamma per sweep).
def policy_evaluation(P, R, gamma, policy):
    """v_pi, shape (S,), for P (S, A, S), R (S, A), a discount gamma < 1 and policy (S, A)."""
    P, R, policy = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(policy, dtype=float)
    r_pi = np.sum(policy * R, axis=1)
    P_pi = np.einsum("sa,sat->st", policy, P)
    v = np.zeros(len(r_pi))
    for _ in range(100):
        v = r_pi + gamma * P_pi @ v
    return v
