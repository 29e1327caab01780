def diag_gaussian_kl(mu_q, logvar_q, mu_p, logvar_p):
    # KL(p || q) instead of KL(q || p)
    return 0.5 * (torch.exp(logvar_p - logvar_q) + (mu_p - mu_q) ** 2 * torch.exp(-logvar_q)
                  - 1.0 - logvar_p + logvar_q).sum(-1)
