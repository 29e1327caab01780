def update_target(online, target, tau):
    with torch.no_grad():
        for p_target, p_online in zip(target.parameters(), online.parameters()):
            p_target.copy_((1.0 - tau) * p_online + tau * p_target)
