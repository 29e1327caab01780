def gan_step(G, D, opt_G, opt_D, real, z):
    with torch.no_grad():
        fake = G(z)
    opt_D.zero_grad(set_to_none=True)
    loss_D = F.softplus(-D(real)).mean() + F.softplus(D(fake)).mean()
    loss_D.backward()
    opt_D.step()
    for p in D.parameters():
        p.requires_grad_(False)
    try:
        opt_G.zero_grad(set_to_none=True)
        loss_G = F.softplus(-D(G(z))).mean()
        loss_G.backward()
        opt_G.step()
    finally:
        for p in D.parameters():
            p.requires_grad_(True)
    return float(loss_D), float(loss_G)
