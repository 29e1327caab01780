def diag_gaussian_kl(mu_q, logvar_q, mu_p, logvar_p):
    # the log-variances used as if they were variances
    var_q, var_p = logvar_q, logvar_p
    return 0.5 * (var_q / var_p + (mu_q - mu_p) ** 2 / var_p - 1.0 + torch.log(var_p / var_q)).sum(-1)
