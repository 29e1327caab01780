def diag_gaussian_kl(mu_q, logvar_q, mu_p, logvar_p):
    q = torch.distributions.Normal(mu_q, torch.exp(0.5 * logvar_q))
    p = torch.distributions.Normal(mu_p, torch.exp(0.5 * logvar_p))
    return torch.distributions.kl_divergence(q, p).sum(dim=-1)
