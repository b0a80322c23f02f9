/// Fixed key pairs for the tests (generated once with `openssl genpkey`): real RSA keys, no key generation at
/// test time. They sign nothing outside these tests.
enum TestKeys {
    static let rsaA = """
        -----BEGIN PRIVATE KEY-----
        MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCRfLab9pvvz+KO
        WIu9mGKIR1ZzV2adAfbNkDRJzEvPkj1Phcf7Ys9D4CW3V3IgyweJvZIOqJm2/v/6
        VQCp+vj3zddVFH90DgHw0HtiahmR9zhkGNbGpD3F54Z/lR9zTwYnTzooOdd71r9S
        XXRWv6f+jGttNpgv1oJx3a4/+aBN5ggI5O9MHR0YsAZdBIH9Yupcn0Qf/WUAGRG0
        n6w5bYCuAuI+dQauE1gnMo1ySjA04ATx1UE67a8Y4Pb6G8VWt8nYGqLZhLvyfoL+
        DPUwIT5MWLFfUuE7HfHeystMSK/QdP7aBXalRblLXJE8PQ/WkGQw2oaEzLODSkpv
        wNZryG8JAgMBAAECggEAAagpQOIEJlo+Evj26wmJqsq9x/8OKK/rlUuW2kTVuU8k
        GJSmJjyEH1LuOK2PjLG8LdDM5EeFmTjDuuu+srwsZsfV7CgdFxCL829Vkgo5cPFu
        MednCyEgChd+pAg81pafnWuM9rKUaRbcso3GpdYXYNuQ+gwvMjFVjD38q6QsIPlR
        8KMQA1ZXAuFzSPYeUAT/YpWoRqlfjM79ghe0+GFqDVGnHLdcdryC38l5lhMMeFdM
        fDTa/faZVeP1A0F+yNDohszmt8yEeVqBnDstbbtbw6N5zLHnzCX7Wwjp6ZBKjtpH
        qd0USBYvJDLO9EC7QPzhRSOYHSd7n0R7VPs9et0i9QKBgQDNNSDXySpK+DBHoGIc
        +/DF6BDhqNcNE7/cbPsZ4COo29sqfiTK+fYnXhnOeZgphbsgW2c6pNGFWRNDRdvO
        QNngDpZznRS246YGJoMmLamE5YeabmRI7osQjjGyXOq7Zk51IW45r/qQKQEQGSbb
        aUzjcSI+CQ9IBBThFxH9qjP3RQKBgQC1f28RjGvVdL4X0xvAOu1gLw4Tq0d16xVv
        CTHMXEtA1/DnEussuYErvXYdPiLCnMMg5G9cIT0dOoAP4vHf7WnDP/CVrB9iCeJP
        i7an5NtGUWIOZ0+QaCtyHQLWqgW6ZjN+318vM6Ek0QEWk23wPzyBD2bTc8CVZH1z
        nl3py2lC9QKBgQCq8j5I5JDx4S0/DfGN2adrBnbBtchoYXJsKvFHTfwG2BgMnwcB
        fBe+FdsDsTG8LWaEfwBQzyqnnlu4qAKDIG0gBKb66vltndkZuI16iYF1b0x2rs2m
        H+oDQaFOx67XrFNhqhbLwbjGzRHQmlNPZrohooZ3DU8InDXUiUZ4fYhKzQKBgEKg
        RyuP+r3fHzErxBIrD5yxaV97Dr6Qz8t0+pzkfJOPMdYBsec3Kd3erQ9LEgOS/GaE
        tQSDByZFpWEvlE75nkuYmz62csbQjg1ZYnH7pysHERHsht6h/uDjGXmn7HZisiCu
        6wgu0cbsGpQpBsCc1h8igkK5SUcOHqdkyWDb1QZJAoGBAL7oe/15A4IJde/XTRtg
        Rv/Vyt6uMzFzUlTSiqjzc8TMFXWAKna4bioKg+6EbxL6/n+WVttGo6VWnZU3ppGK
        wRCvEPDkE1+l73Ulsc707+ikfNHpD/Q1wtZvUk/HW24qTR+ECxHRr9nFtLkjvKoZ
        MUqz2kdSd6G/yenRThAI36n0
        -----END PRIVATE KEY-----
        """

    static let rsaB = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCKqyroxFqfArzn
        UIgeV0EgiSYp8tpAiSyOCjYs0ib2DC4unJ6F2u/93bsv8pbwvylKkKkdcubZqV/F
        vq5wql7Z7PGbIXrkQ6qrcXq21z35aQV3iEY50hUGcZGIN6tlGaDpIE/Ado5Tbu02
        139sx/MufxTIsJFtZvIHJ0wa13WeDptjwQZQHpNvVhtqumZ8TQAvKjOczt4Fl4iy
        shfPhlah4rGKtmIaqp6l02u14SRrCXBvNWOWBsslXj1HYmrgoYlqEZYCP6M+UGNU
        n0Wwg3fUSV2hVq9OcAUZaX8QCTf186pswhjX/gi/QA2jEKqNIqTnk2qFvkgLW8Um
        NONGH0TFAgMBAAECggEAA6v0wtKPDyoUFsziq5Optrhb1sDKEiP/suEDSQxeQQJP
        nJ/1hkLDO06/kRR5y4NIR/kiHTglEC6kV9xT3/RVIXQkNNDhmh3c5dVnTp0kPvsj
        /lV0i686HXWliQrnNEPNGSHSwP/kagkyd7Z5UxYUZJYI5OC1/toB8KS3ik0vQQGE
        +WriZeonmnPoOUcd7bcE87STf7KhbCfziYmGhD09duQ//DF8fA5PV2x09vn8QK3D
        oVfXcQY2eMpbfgpnH1Ury0+SHomGfVgCBIEp4Ppjtq/Z2RLJ/q91K80RikwzqAT9
        9ja1bLenBizp1pdDR3pygWn4pjfpjVM8rs0NI0j2oQKBgQC+NJxh88MQpv61LVm2
        HQneFJpGPYDtDHugu27IOuEjL2SULS0dXsla6IzagSpLIxVf8cF8cvbnLVcH44Zv
        0xqpkjrsAjUnnLpfiEcx2mmryMSA1+2WK3A4PejRosgJUeYQIySVAf/kgBT6vhcF
        0nrEOkO0t3fMf6w/jrqGBOxqYQKBgQC6oscwGrFu2daApeXOuboclWFfpqmhaCws
        yagFaic3w21mso9A/YrQY9PlTPLKtZUBQCG+N/3r+cZDp0038QxYRVRtOo7h1fUh
        lYMRwyt750Jp924lGi3pFipnNV9qQ/OshpEhllt7Ed3x95fqV2ucuLLh4iyAw53A
        jg4eeXGc5QKBgE2qHdDBP/0ksww3oFIEOWs87mGP63zfg/t1jR6lLBi52U/Hwowj
        kARWwGzYIPTdNnUeueqe5sIueUL3XIV8pX5n/zcvD5VFIbSwaKGqlUtXhyU1BgYz
        ZncQkGhJF3T2xAIC14Ugc+RRiD96LtxpvUcyo0K/R2NxHlw1Y2QlzoMBAoGAIm1O
        YuA5pKIIQFjZyEVYQFeJy7QZjE2EAIr+NGl9bHrfHleHt0xNo90WRDDqhFv0bXOg
        Bc+cRkAfw3ED/HK5fTrktPVdT+lAu34x3D/tMIDbLmLW7X8jwuA02C7vN9HrDAMS
        mGh83XnRQAYU/sQ7dIBZdvNalDIBUnihwBtUysUCgYAscoCNPFOlHICparu0XpLI
        sOm7TBYjTBPQu/RRD9nEkV0pyYYowaTUcDKdwnyXS1XNvVOm26A3b76KfBOUYrdz
        39ZWCWdFIe4q1FmJZyZKCCgNZxPkAz8ZjtgWwNv3+tXv2QSYgPLPkokhdc0RQ+i3
        wS+cIQv1XZIaDwloM/LBYg==
        -----END PRIVATE KEY-----
        """

    static let rsaX = """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCtDo8NOTRIki9i
        CT+yVrtSHxpK2NlP//Vt6y+Bvm4L8HMF/up1kZCCFh9nxN6dEGt3AUGJtjS5D9n1
        2VVtWrDxlX2IHbFFOUAQW/1S8uC0SOXDsLQVy9tNeI7KQIlyYvohQjRlX8mjt2ZH
        maAhc+xz+GeDG9ljZzZvT6lEhU2JQGgRnP7ude1UlB+5zaIgPtKJawljUWFzkrW8
        a91iAggBSrtHiieo0hEzRZEjmaeJ3iDS3KMu3naig6nZt+dbZ3DoR6R69XmstgUo
        WdRtluwNEsazhsFnVEVU/LwrNotn6zzkslU4jUIg8mX4eImmljWAczBvTV893h4c
        xmGSGwrlAgMBAAECggEACmr2MyBWtKiyOAdhAYIloC21pjxUJrP8qRuPnlKhqs/U
        iM+d+ypiZeZhiRxpn1Bp+73EXX8twNdCsoFdGmprfPuYFT3eWlG2ONXk093Bp7C8
        vjFQwgAl6U3A4M2OSKfLMX3cDB8+Uv/7JQPLR0BEg324c4TVax2/Qeesg663qnOv
        7sIrI+Z7N0PkkesLgYzBkPGcicsJ/Vs0bLMCa5zN8NB8OA2/lrm+OMul92slZsTZ
        fmKoGa9tsafJpEd1xnLem5RnGyhC3k092XaTMuG0L5V77gLn0z4q/Fm97E5cE6cA
        Lb44N9u3Cqy48p7zD7ZE0Hhrlb1qclxqc7src3gJQQKBgQDmINc5eJoXWTrtAb7r
        yh99aXGhSrgCWMqDmJGK8Vk1OQN5etNxOBXNRRXkFQR69I8MRtLV28VKauP16VUY
        66BBZ8SUrOkRVv2DpDoFF9DAn33Jir5IRPYVZkm/0/5LHDwqFE4Skzi3n45KD9Qe
        iInFlbpekjwevpJj2UuQOsD2QQKBgQDAgy+klw6vNh0je4aMo756uxgVayXmoV0Y
        kGo8d69sGveGBuum8zQ26vdqzUP2SyhsHVRPkL1+XDjR1PbQEJPnbkcX0I4mVun9
        U12fID9opcfDU/oTFoa6PYYERSmYEoMr4KLx3wlPSTJt32cBlSEeWmlkoVJSmWwW
        Irxb8xWTpQKBgAeZRgILzWq/84Yn7Jn0jp2hgbMFuJW7QNSfkQ65cWykeUzllV3D
        sFSa12I0n3U/5glNvWB6ZUVTyjswfTLZdO0z8/XEz91WtgBGx/OrGaWCnrCs+COC
        w21pdz3yTg9E22e4S+upGNJXXmdrpmFruMDhdMnyojGRsVvCrRASIJUBAoGABRZy
        d+MWHENN2dY15BmfuxaeuFIwmjvBfhiy9g4jsLO1vvEH4U2kH59uEoCCP0wVMWZF
        CCVHHMPLLKB4NV96yS786gA1AYZigLNnUgFEK7vV36+keESsItflZs99Heu/U7WI
        GORQFqxUjNrOmhga2/Z/uo0Y493yIVOhrrxp4ZECgYEAkm4BIV2s5V6SQ9lQ7stu
        QBHR0bQ/SOI4WXSy/5p+v6MuExNYiB3+/P0WoOI4B8uyi+prPNmL/IXkorh0f8Et
        fdu7i9lCxi7XQUx3P3L+uVnIE4teyfwgifdncny2VrNKDr8pHrbBgfkmWkccuNH7
        5ZCwnqAVvG9cpPUR0euijEM=
        -----END PRIVATE KEY-----
        """

    /// The public half of a 1024-bit RSA key, below JWTKit's 2048-bit minimum: a JWKS publishing it must not be
    /// usable.
    static let weakRSAModulus =
        "oIbLi8v9tLsT3-d6PyAHev89O0XgmqKr2hRzcno1z7RjthoXR4Gw_P5xrOgetS-82Op6bRf4T7JrWxy-mKKlLx4miG-aDP5dQAXq_BLiJ87_cU1qhhKt8v859gLmDOlCb-OFTGmkQyK4lI7fi6RBeK7SK62aT9QIUMmJNHiAYwc"
    static let weakRSAExponent = "AQAB"
}
