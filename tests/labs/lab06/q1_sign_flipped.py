def diag_gaussian_kl(mu_q, logvar_q, mu_p, logvar_p):
    # every term with its sign flipped: a "divergence" that is never positive
    return -0.5 * (torch.exp(logvar_q - logvar_p) + (mu_q - mu_p) ** 2 * torch.exp(-logvar_p)
                   - 1.0 - logvar_q + logvar_p).sum(-1)
