# Wrong answer for q3: one evaluation and one improvement, no loop until the policy is stable.
def policy_iteration(P, R, gamma, evaluate=policy_evaluation, improve=policy_improvement):
    """Optimal one-hot policy (S, A) and its values (S,), by policy iteration from the uniform policy."""
    n_s, n_a = np.shape(R)
    policy, V = np.full((n_s, n_a), 1.0 / n_a), np.zeros(n_s)
    policy = improve(P, R, gamma, evaluate(P, R, gamma, policy))
    V = evaluate(P, R, gamma, policy)
    return policy, V
