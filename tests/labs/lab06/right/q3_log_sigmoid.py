def negative_elbo(encoder, decoder, x, beta=1.0, generator=None, kl=None, sample=None):
    if kl is None:
        kl = diag_gaussian_kl
    if sample is None:
        sample = reparameterize
    h = encoder(x)
    k = h.shape[-1] // 2
    mu, logvar = h[..., :k], h[..., k:]
    a = decoder(sample(mu, logvar, generator))
    log_lik = (x * F.logsigmoid(a) + (1 - x) * F.logsigmoid(-a)).sum(-1)
    zeros = torch.zeros_like(mu)
    return beta * kl(mu, logvar, zeros, zeros) - log_lik
