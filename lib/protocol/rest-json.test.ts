import { describe, expect, it } from 'vitest';
import { ValidationException } from '../analyzer/errors';
import { AccessDenied, InvalidClientTokenId } from '../core/errors';
import {
  ACCESS_ANALYZER_MODEL,
  compileRoutes,
  decodeRestJsonInput,
  encodeRestJsonError,
  encodeRestJsonOutput,
  matchRoute,
  pathIsKnown,
} from './rest-json';

const routes = compileRoutes(ACCESS_ANALYZER_MODEL);

describe('REST-JSON routing', () => {
  it("finds operations by method and path, literal paths before labels, from AWS's accessanalyzer model", () => {
    expect(matchRoute(routes, 'POST', '/policy/validation')).toEqual({ operation: 'ValidatePolicy', labels: {} });
    expect(matchRoute(routes, 'PUT', '/policy/generation')).toEqual({ operation: 'StartPolicyGeneration', labels: {} });
    expect(matchRoute(routes, 'GET', '/policy/generation')).toEqual({ operation: 'ListPolicyGenerations', labels: {} });
    expect(matchRoute(routes, 'GET', '/policy/generation/job%2F1')).toEqual({
      operation: 'GetGeneratedPolicy',
      labels: { jobId: 'job/1' },
    });
    expect(matchRoute(routes, 'PUT', '/policy/generation/abc')).toEqual({ operation: 'CancelPolicyGeneration', labels: { jobId: 'abc' } });
    expect(matchRoute(routes, 'DELETE', '/policy/validation')).toBeUndefined();
    expect(pathIsKnown(routes, '/policy/validation')).toBe(true);
    expect(pathIsKnown(routes, '/')).toBe(false);
  });
});

describe('REST-JSON decoding', () => {
  it('reads the body, the query string and URI labels by the model, converting scalars', () => {
    const input = decodeRestJsonInput(
      ACCESS_ANALYZER_MODEL,
      'ValidatePolicy',
      {},
      'maxResults=5&nextToken=t',
      JSON.stringify({ policyDocument: '{}', policyType: 'IDENTITY_POLICY', unknown: 1 }),
    );
    expect(input).toEqual({ policyDocument: '{}', policyType: 'IDENTITY_POLICY', maxResults: 5, nextToken: 't' });
    const get = decodeRestJsonInput(ACCESS_ANALYZER_MODEL, 'GetGeneratedPolicy', { jobId: 'j' }, 'includeResourcePlaceholders=true', '');
    expect(get).toEqual({ jobId: 'j', includeResourcePlaceholders: true });
    const start = decodeRestJsonInput(
      ACCESS_ANALYZER_MODEL,
      'StartPolicyGeneration',
      {},
      '',
      JSON.stringify({
        policyGenerationDetails: { principalArn: 'arn:aws:iam::1:role/r' },
        cloudTrailDetails: { trails: [], accessRole: 'arn:aws:iam::1:role/a', startTime: '2024-02-13T00:30:00Z' },
      }),
    );
    expect((start.cloudTrailDetails as { startTime: Date }).startTime).toEqual(new Date('2024-02-13T00:30:00Z'));
  });

  it('reports every violation at once as ValidationException with its field list', () => {
    let error: ValidationException | undefined;
    try {
      decodeRestJsonInput(ACCESS_ANALYZER_MODEL, 'ValidatePolicy', {}, 'maxResults=x', JSON.stringify({ policyType: 'NOPE' }));
    } catch (e) {
      error = e as ValidationException;
    }
    expect(error?.code).toBe('ValidationException');
    expect(error?.message).toMatch(/^3 validation errors detected: /);
    expect((error?.extra.fieldList as { name: string }[]).map((f) => f.name).sort()).toEqual([
      'maxResults',
      'policyDocument',
      'policyType',
    ]);
    expect(() => decodeRestJsonInput(ACCESS_ANALYZER_MODEL, 'ValidatePolicy', {}, '', '[1')).toThrow(/parse the request body/);
  });
});

describe('REST-JSON encoding', () => {
  it('writes only model members, timestamps as ISO 8601', () => {
    const body = encodeRestJsonOutput(ACCESS_ANALYZER_MODEL, 'ListPolicyGenerations', {
      policyGenerations: [
        {
          jobId: 'j',
          principalArn: 'arn:aws:iam::1:role/r',
          status: 'SUCCEEDED',
          startedOn: new Date('2024-01-01T00:00:00Z'),
          secret: 'x',
        },
      ],
    });
    expect(JSON.parse(body)).toEqual({
      policyGenerations: [
        { jobId: 'j', principalArn: 'arn:aws:iam::1:role/r', status: 'SUCCEEDED', startedOn: '2024-01-01T00:00:00.000Z' },
      ],
    });
  });

  it('answers errors with x-amzn-ErrorType, REST-JSON names for the pipeline errors', () => {
    const denied = encodeRestJsonError(new AccessDenied('no'), 'r');
    expect(denied.status).toBe(403);
    expect(denied.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(JSON.parse(denied.body)).toEqual({ message: 'no' });
    expect(encodeRestJsonError(new InvalidClientTokenId('bad'), 'r').headers['x-amzn-errortype']).toBe('UnrecognizedClientException');
    const invalid = encodeRestJsonError(new ValidationException('v', 'cannotParse'), 'r');
    expect(JSON.parse(invalid.body)).toEqual({ reason: 'cannotParse', message: 'v' });
  });
});
