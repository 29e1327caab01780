# Wrong answer for q3: two rounds of evaluation and improvement, whatever happens (no stability check).
def policy_iteration(P, R, gamma, evaluate=None, improve=None):
    """Optimal one-hot policy (S, A) and its values (S,), by policy iteration from the uniform policy."""
    evaluate = policy_evaluation if evaluate is None else evaluate
    improve = policy_improvement if improve is None else improve
    n_s, n_a = np.shape(R)
    policy, V = np.full((n_s, n_a), 1.0 / n_a), np.zeros(n_s)
    for _ in range(2):
        V = evaluate(P, R, gamma, policy)
        policy = improve(P, R, gamma, V)
    return policy, V
