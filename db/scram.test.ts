import { describe, expect, it } from "vitest";
import { ScramExchange, scramVerifier } from "./scram";

// RFC 7677 §3: the SCRAM-SHA-256 example exchange (user "user", password "pencil").
const SALT = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
const SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
const CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
const SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
const CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
const SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

const exchange = (password: string) => new ScramExchange(scramVerifier(password, SALT), SERVER_NONCE);

describe("SCRAM-SHA-256 server", () => {
  it("follows RFC 7677's example exchange to the byte", () => {
    const server = exchange("pencil");
    expect(server.first(CLIENT_FIRST)).toBe(SERVER_FIRST);
    expect(server.final(CLIENT_FINAL)).toBe(SERVER_FINAL);
  });

  it("refuses the same proof for another password", () => {
    const server = exchange("pencils");
    expect(server.first(CLIENT_FIRST)).toBe(SERVER_FIRST);
    expect(server.final(CLIENT_FINAL)).toBeNull();
  });

  it.each([
    ["a proof for another nonce", CLIENT_FINAL.replace("k0,p=", "k1,p=")],
    ["another channel-binding header", CLIENT_FINAL.replace("c=biws", "c=eSws")],
    ["no proof", CLIENT_FINAL.slice(0, CLIENT_FINAL.indexOf(",p="))],
    ["a truncated proof", CLIENT_FINAL.slice(0, -8)],
  ])("refuses %s", (_, clientFinal) => {
    const server = exchange("pencil");
    server.first(CLIENT_FIRST);
    expect(server.final(clientFinal)).toBeNull();
  });

  it.each([
    ["channel binding it cannot offer", "p=tls-server-end-point,,n=user,r=abc"],
    ["no nonce", "n,,n=user"],
    ["garbage", "hello"],
  ])("refuses a client-first message with %s", (_, clientFirst) => {
    expect(exchange("pencil").first(clientFirst)).toBeNull();
  });

  it("refuses a final message before a first one", () => {
    expect(exchange("pencil").final(CLIENT_FINAL)).toBeNull();
  });
});
