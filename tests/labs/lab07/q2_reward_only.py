# Wrong answer for q2: greedy on the immediate reward, without the one-step lookahead.
def policy_improvement(P, R, gamma, V):
    """One-hot (S, A) policy, greedy with respect to the one-step lookahead Q = R + gamma P V."""
    P, R, V = np.asarray(P, dtype=float), np.asarray(R, dtype=float), np.asarray(V, dtype=float)
    return np.eye(R.shape[1])[np.argmax(R, axis=1)]
