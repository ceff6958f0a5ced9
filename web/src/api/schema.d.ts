/* Generated from Firebreak's OpenAPI document by "npm run web:client"; do not edit. */
export interface paths {
    "/api/v1/action-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open action items (?overdue=true: past due) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    overdue?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/action-items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update an action item; closing needs an evidence link */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        dueAt?: string;
                        /** Format: uri */
                        evidenceUrl?: string;
                        /** Format: uuid */
                        ownerId?: string;
                        priority?: "high" | "medium" | "low";
                        status?: "open" | "in_progress" | "closed";
                        /** Format: uri */
                        trackerUrl?: string;
                    };
                };
            };
            responses: {
                /** @description ActionItemView */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alert-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alert groups, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    serviceId?: string;
                    since?: string;
                    status?: "triggered" | "acknowledged" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                acknowledgedAt: string | null;
                                alertCount: number;
                                /** @description Opened by a drill */
                                drill: boolean;
                                escalationPolicyId: string | null;
                                groupLabels: {
                                    [key: string]: string;
                                };
                                /** Format: uuid */
                                id: string;
                                incidentId: string | null;
                                incidentRef: string | null;
                                lastAlertAt: string;
                                occurrences: number;
                                open: boolean;
                                openCount: number;
                                openedAt: string;
                                resolvedAt: string | null;
                                /** Format: uuid */
                                serviceId: string;
                                severity: "critical" | "error" | "warning" | "info";
                                status: "triggered" | "acknowledged" | "resolved";
                                summary: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert group with its alerts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            alertCount: number;
                            alerts: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: string | null;
                                count: number;
                                dedupKey: string;
                                firstSeenAt: string;
                                flapping: boolean;
                                groupId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                integrationId: string;
                                labels: {
                                    [key: string]: string;
                                };
                                lastSeenAt: string;
                                links: {
                                    href: string;
                                    text: string;
                                }[];
                                resolvedAt: string | null;
                                resolvedBy: string | null;
                                rule: string | null;
                                /** Format: uuid */
                                serviceId: string;
                                severity: "critical" | "error" | "warning" | "info";
                                source: string;
                                stateChanges: number;
                                status: "triggered" | "acknowledged" | "resolved";
                                summary: string;
                                suppressedBy: string | null;
                                triggerCount: number;
                            }[];
                            /** @description Opened by a drill */
                            drill: boolean;
                            escalationPolicyId: string | null;
                            groupLabels: {
                                [key: string]: string;
                            };
                            /** Format: uuid */
                            id: string;
                            incidentId: string | null;
                            incidentRef: string | null;
                            lastAlertAt: string;
                            occurrences: number;
                            open: boolean;
                            openCount: number;
                            openedAt: string;
                            resolvedAt: string | null;
                            /** Format: uuid */
                            serviceId: string;
                            severity: "critical" | "error" | "warning" | "info";
                            status: "triggered" | "acknowledged" | "resolved";
                            summary: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-groups/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge every open alert of a group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            alertCount: number;
                            /** @description Opened by a drill */
                            drill: boolean;
                            escalationPolicyId: string | null;
                            groupLabels: {
                                [key: string]: string;
                            };
                            /** Format: uuid */
                            id: string;
                            incidentId: string | null;
                            incidentRef: string | null;
                            lastAlertAt: string;
                            occurrences: number;
                            open: boolean;
                            openCount: number;
                            openedAt: string;
                            resolvedAt: string | null;
                            /** Format: uuid */
                            serviceId: string;
                            severity: "critical" | "error" | "warning" | "info";
                            status: "triggered" | "acknowledged" | "resolved";
                            summary: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alert-groups/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve every open alert of a group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            alertCount: number;
                            /** @description Opened by a drill */
                            drill: boolean;
                            escalationPolicyId: string | null;
                            groupLabels: {
                                [key: string]: string;
                            };
                            /** Format: uuid */
                            id: string;
                            incidentId: string | null;
                            incidentRef: string | null;
                            lastAlertAt: string;
                            occurrences: number;
                            open: boolean;
                            openCount: number;
                            openedAt: string;
                            resolvedAt: string | null;
                            /** Format: uuid */
                            serviceId: string;
                            severity: "critical" | "error" | "warning" | "info";
                            status: "triggered" | "acknowledged" | "resolved";
                            summary: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and filter alerts, most recently seen first */
        get: {
            parameters: {
                query?: {
                    dedupKey?: string;
                    flapping?: boolean;
                    groupId?: string;
                    integrationId?: string;
                    limit?: number;
                    rule?: string;
                    serviceId?: string;
                    severity?: "critical" | "error" | "warning" | "info";
                    since?: string;
                    status?: "triggered" | "acknowledged" | "resolved";
                    suppressed?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: string | null;
                                count: number;
                                dedupKey: string;
                                firstSeenAt: string;
                                flapping: boolean;
                                groupId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                integrationId: string;
                                labels: {
                                    [key: string]: string;
                                };
                                lastSeenAt: string;
                                links: {
                                    href: string;
                                    text: string;
                                }[];
                                resolvedAt: string | null;
                                resolvedBy: string | null;
                                rule: string | null;
                                /** Format: uuid */
                                serviceId: string;
                                severity: "critical" | "error" | "warning" | "info";
                                source: string;
                                stateChanges: number;
                                status: "triggered" | "acknowledged" | "resolved";
                                summary: string;
                                suppressedBy: string | null;
                                triggerCount: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert with its latest payload and state-change history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            count: number;
                            dedupKey: string;
                            firstSeenAt: string;
                            flapping: boolean;
                            groupId: string | null;
                            history: {
                                actor: string;
                                at: string;
                                flapping: boolean;
                                from: string | null;
                                to: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            integrationId: string;
                            labels: {
                                [key: string]: string;
                            };
                            lastSeenAt: string;
                            links: {
                                href: string;
                                text: string;
                            }[];
                            payload: unknown;
                            resolvedAt: string | null;
                            resolvedBy: string | null;
                            rule: string | null;
                            /** Format: uuid */
                            serviceId: string;
                            severity: "critical" | "error" | "warning" | "info";
                            source: string;
                            stateChanges: number;
                            status: "triggered" | "acknowledged" | "resolved";
                            summary: string;
                            suppressedBy: string | null;
                            triggerCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            count: number;
                            dedupKey: string;
                            firstSeenAt: string;
                            flapping: boolean;
                            groupId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            integrationId: string;
                            labels: {
                                [key: string]: string;
                            };
                            lastSeenAt: string;
                            links: {
                                href: string;
                                text: string;
                            }[];
                            resolvedAt: string | null;
                            resolvedBy: string | null;
                            rule: string | null;
                            /** Format: uuid */
                            serviceId: string;
                            severity: "critical" | "error" | "warning" | "info";
                            source: string;
                            stateChanges: number;
                            status: "triggered" | "acknowledged" | "resolved";
                            summary: string;
                            suppressedBy: string | null;
                            triggerCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an alert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            count: number;
                            dedupKey: string;
                            firstSeenAt: string;
                            flapping: boolean;
                            groupId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            integrationId: string;
                            labels: {
                                [key: string]: string;
                            };
                            lastSeenAt: string;
                            links: {
                                href: string;
                                text: string;
                            }[];
                            resolvedAt: string | null;
                            resolvedBy: string | null;
                            rule: string | null;
                            /** Format: uuid */
                            serviceId: string;
                            severity: "critical" | "error" | "warning" | "info";
                            source: string;
                            stateChanges: number;
                            status: "triggered" | "acknowledged" | "resolved";
                            summary: string;
                            suppressedBy: string | null;
                            triggerCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/noise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Noise report: alerts ranked by how often they fired and how rarely they led to action */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    limit?: number;
                    serviceId?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advice: string;
                            from: string;
                            rules: {
                                acknowledgedShare: number;
                                alerts: number;
                                fired: number;
                                incidentShare: number;
                                neverActedOnShare: number;
                                rule?: string | null;
                                serviceId: string;
                            }[];
                            services: {
                                acknowledgedShare: number;
                                alerts: number;
                                fired: number;
                                incidentShare: number;
                                neverActedOnShare: number;
                                rule?: string | null;
                                serviceId: string;
                            }[];
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fire (or resolve) a test alert through the intake pipeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dedupKey?: string;
                        labels?: {
                            [key: string]: string;
                        };
                        resolve?: boolean;
                        /** Format: uuid */
                        serviceId: string;
                        severity?: "critical" | "error" | "warning" | "info";
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: string | null;
                                count: number;
                                dedupKey: string;
                                firstSeenAt: string;
                                flapping: boolean;
                                groupId: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                integrationId: string;
                                labels: {
                                    [key: string]: string;
                                };
                                lastSeenAt: string;
                                links: {
                                    href: string;
                                    text: string;
                                }[];
                                resolvedAt: string | null;
                                resolvedBy: string | null;
                                rule: string | null;
                                /** Format: uuid */
                                serviceId: string;
                                severity: "critical" | "error" | "warning" | "info";
                                source: string;
                                stateChanges: number;
                                status: "triggered" | "acknowledged" | "resolved";
                                summary: string;
                                suppressedBy: string | null;
                                triggerCount: number;
                            } | null;
                            dedupKey: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first, with filters and cursor pagination */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actorId?: string;
                    /** @description Opaque cursor from nextCursor */
                    cursor?: string;
                    limit?: number;
                    since?: string;
                    targetId?: string;
                    targetType?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                action: string;
                                actor: string;
                                actorId: string | null;
                                at: string;
                                detail: {
                                    [key: string]: unknown;
                                } | null;
                                id: number;
                                requestId: string | null;
                                sourceIp: string | null;
                                targetId: string | null;
                                targetType: string;
                                via: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a browser session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            expiresAt: string;
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current browser session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the first admin password with the one-time setup token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description At least 12 characters */
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            expiresAt: string;
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List change sources (keys that post change events) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sources: {
                                createdAt: string;
                                enabled: boolean;
                                /** Format: uuid */
                                id: string;
                                keyPrefix: string;
                                name: string;
                                serviceId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a change source; its key (shown once) opens /intake/changes/{key} and is the GitHub webhook secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        serviceId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            intakePaths: string[];
                            key: string;
                            source: {
                                createdAt: string;
                                enabled: boolean;
                                /** Format: uuid */
                                id: string;
                                keyPrefix: string;
                                name: string;
                                serviceId: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/change-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enable or disable a change source (a disabled key gets 403 at intake) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            /** Format: uuid */
                            id: string;
                            keyPrefix: string;
                            name: string;
                            serviceId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List change events, newest first (filter by service id or name, kind, start time) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    kind?: "deploy" | "config" | "feature_flag" | "migration" | "infrastructure";
                    limit?: number;
                    /** @description Service id or name */
                    service?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                author: string | null;
                                finishedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: "deploy" | "config" | "feature_flag" | "migration" | "infrastructure";
                                link: string | null;
                                origin: string;
                                recordedAt: string;
                                rollback: {
                                    command: string | null;
                                    link: string | null;
                                };
                                /** Format: uuid */
                                serviceId: string;
                                startedAt: string;
                                summary: string | null;
                                version: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a contact method */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-methods/{id}/send-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new verification code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            createdAt: string;
                            id: string;
                            kind: string;
                            label: string;
                            userId: string;
                            verified: boolean;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-methods/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a contact method with the code sent to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            createdAt: string;
                            id: string;
                            kind: string;
                            label: string;
                            userId: string;
                            verified: boolean;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was sent, to whom, and what the other side answered; newest first */
        get: {
            parameters: {
                query?: {
                    channel?: "email" | "webhook" | "slack" | "sms" | "voice" | "push";
                    /** @description Opaque cursor from nextCursor */
                    cursor?: string;
                    incidentId?: string;
                    limit?: number;
                    status?: "queued" | "sent" | "failed" | "skipped";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                attempts: {
                                    at: string;
                                    attempt: number;
                                    detail: string;
                                    outcome: string;
                                }[];
                                channel: "email" | "webhook" | "slack" | "sms" | "voice" | "push";
                                createdAt: string;
                                id: string;
                                incidentId: string | null;
                                payload: {
                                    [key: string]: unknown;
                                } | null;
                                reason: string;
                                recipient: string;
                                recipientUserId: string | null;
                                sentAt: string | null;
                                signed: boolean;
                                status: "queued" | "sent" | "failed" | "skipped";
                                statusDetail: string | null;
                                subject: string | null;
                                text: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with every attempt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: {
                                at: string;
                                attempt: number;
                                detail: string;
                                outcome: string;
                            }[];
                            channel: "email" | "webhook" | "slack" | "sms" | "voice" | "push";
                            createdAt: string;
                            id: string;
                            incidentId: string | null;
                            payload: {
                                [key: string]: unknown;
                            } | null;
                            reason: string;
                            recipient: string;
                            recipientUserId: string | null;
                            sentAt: string | null;
                            signed: boolean;
                            status: "queued" | "sent" | "failed" | "skipped";
                            statusDetail: string | null;
                            subject: string | null;
                            text: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List drill scenarios */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            drills: {
                                alert: {
                                    format: "alertmanager" | "pagerduty" | "generic";
                                    /** @description The alert exactly as the sender posts it in this format */
                                    payload: {
                                        [key: string]: unknown;
                                    };
                                };
                                createdAt: string;
                                createdBy: string;
                                enabled: boolean;
                                goals: {
                                    kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                                    /** @description Within this many minutes of firing */
                                    minutes: number;
                                }[];
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                integrationId: string;
                                name: string;
                                nextFireAt: string | null;
                                responders: string[];
                                /** @description once at an instant, or daily / weekly at a local time in an IANA zone */
                                schedule: {
                                    /** Format: date-time */
                                    at: string;
                                    /** @enum {string} */
                                    kind: "once";
                                } | {
                                    /** @enum {string} */
                                    kind: "daily";
                                    /** @description Local time HH:MM */
                                    time: string;
                                    /** @description IANA time zone, e.g. Europe/Berlin */
                                    zone: string;
                                } | {
                                    days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                    /** @enum {string} */
                                    kind: "weekly";
                                    /** @description Local time HH:MM */
                                    time: string;
                                    /** @description IANA time zone, e.g. Europe/Berlin */
                                    zone: string;
                                };
                                scheduleText: string;
                                /** Format: uuid */
                                serviceId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a drill scenario: a synthetic alert for a service’s integration, expected responders, goals and a schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        alert: {
                            format: "alertmanager" | "pagerduty" | "generic";
                            /** @description The alert exactly as the sender posts it in this format */
                            payload: {
                                [key: string]: unknown;
                            };
                        };
                        enabled?: boolean;
                        goals: {
                            kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                            /** @description Within this many minutes of firing */
                            minutes: number;
                        }[];
                        name: string;
                        /** @description User ids expected to respond */
                        responders?: string[];
                        /** @description once at an instant, or daily / weekly at a local time in an IANA zone */
                        schedule: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            kind: "once";
                        } | {
                            /** @enum {string} */
                            kind: "daily";
                            /** @description Local time HH:MM */
                            time: string;
                            /** @description IANA time zone, e.g. Europe/Berlin */
                            zone: string;
                        } | {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            /** @enum {string} */
                            kind: "weekly";
                            /** @description Local time HH:MM */
                            time: string;
                            /** @description IANA time zone, e.g. Europe/Berlin */
                            zone: string;
                        };
                        /** Format: uuid */
                        serviceId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                format: "alertmanager" | "pagerduty" | "generic";
                                /** @description The alert exactly as the sender posts it in this format */
                                payload: {
                                    [key: string]: unknown;
                                };
                            };
                            createdAt: string;
                            createdBy: string;
                            enabled: boolean;
                            goals: {
                                kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                                /** @description Within this many minutes of firing */
                                minutes: number;
                            }[];
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            integrationId: string;
                            name: string;
                            nextFireAt: string | null;
                            responders: string[];
                            /** @description once at an instant, or daily / weekly at a local time in an IANA zone */
                            schedule: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                /** @enum {string} */
                                kind: "daily";
                                /** @description Local time HH:MM */
                                time: string;
                                /** @description IANA time zone, e.g. Europe/Berlin */
                                zone: string;
                            } | {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                /** @enum {string} */
                                kind: "weekly";
                                /** @description Local time HH:MM */
                                time: string;
                                /** @description IANA time zone, e.g. Europe/Berlin */
                                zone: string;
                            };
                            scheduleText: string;
                            /** Format: uuid */
                            serviceId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One drill scenario */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                format: "alertmanager" | "pagerduty" | "generic";
                                /** @description The alert exactly as the sender posts it in this format */
                                payload: {
                                    [key: string]: unknown;
                                };
                            };
                            createdAt: string;
                            createdBy: string;
                            enabled: boolean;
                            goals: {
                                kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                                /** @description Within this many minutes of firing */
                                minutes: number;
                            }[];
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            integrationId: string;
                            name: string;
                            nextFireAt: string | null;
                            responders: string[];
                            /** @description once at an instant, or daily / weekly at a local time in an IANA zone */
                            schedule: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                /** @enum {string} */
                                kind: "daily";
                                /** @description Local time HH:MM */
                                time: string;
                                /** @description IANA time zone, e.g. Europe/Berlin */
                                zone: string;
                            } | {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                /** @enum {string} */
                                kind: "weekly";
                                /** @description Local time HH:MM */
                                time: string;
                                /** @description IANA time zone, e.g. Europe/Berlin */
                                zone: string;
                            };
                            scheduleText: string;
                            /** Format: uuid */
                            serviceId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enable or disable a drill, or change its goals, responders or schedule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        goals?: {
                            kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                            /** @description Within this many minutes of firing */
                            minutes: number;
                        }[];
                        responders?: string[];
                        /** @description once at an instant, or daily / weekly at a local time in an IANA zone */
                        schedule?: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            kind: "once";
                        } | {
                            /** @enum {string} */
                            kind: "daily";
                            /** @description Local time HH:MM */
                            time: string;
                            /** @description IANA time zone, e.g. Europe/Berlin */
                            zone: string;
                        } | {
                            days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                            /** @enum {string} */
                            kind: "weekly";
                            /** @description Local time HH:MM */
                            time: string;
                            /** @description IANA time zone, e.g. Europe/Berlin */
                            zone: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                format: "alertmanager" | "pagerduty" | "generic";
                                /** @description The alert exactly as the sender posts it in this format */
                                payload: {
                                    [key: string]: unknown;
                                };
                            };
                            createdAt: string;
                            createdBy: string;
                            enabled: boolean;
                            goals: {
                                kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                                /** @description Within this many minutes of firing */
                                minutes: number;
                            }[];
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            integrationId: string;
                            name: string;
                            nextFireAt: string | null;
                            responders: string[];
                            /** @description once at an instant, or daily / weekly at a local time in an IANA zone */
                            schedule: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                kind: "once";
                            } | {
                                /** @enum {string} */
                                kind: "daily";
                                /** @description Local time HH:MM */
                                time: string;
                                /** @description IANA time zone, e.g. Europe/Berlin */
                                zone: string;
                            } | {
                                days: ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
                                /** @enum {string} */
                                kind: "weekly";
                                /** @description Local time HH:MM */
                                time: string;
                                /** @description IANA time zone, e.g. Europe/Berlin */
                                zone: string;
                            };
                            scheduleText: string;
                            /** Format: uuid */
                            serviceId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/drills/{id}/run-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fire the drill now through intake (its incident is a drill; its pages say DRILL) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertGroupId: string | null;
                            alerts: number;
                            /** Format: uuid */
                            drillId: string;
                            firedAt: string;
                            firedBy: string;
                            /** Format: uuid */
                            id: string;
                            incidentId: string | null;
                            incidentRef: string | null;
                            occurrence: string;
                            trigger: "schedule" | "manual";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drills/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drill’s runs, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            runs: {
                                alertGroupId: string | null;
                                alerts: number;
                                /** Format: uuid */
                                drillId: string;
                                firedAt: string;
                                firedBy: string;
                                /** Format: uuid */
                                id: string;
                                incidentId: string | null;
                                incidentRef: string | null;
                                occurrence: string;
                                trigger: "schedule" | "manual";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drills/{id}/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A drill run’s report: when it fired, was acknowledged, had a shared picture, was mitigated and resolved; each goal met or missed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertGroupId: string | null;
                            alerts: number;
                            /** Format: uuid */
                            drillId: string;
                            firedAt: string;
                            firedBy: string;
                            /** Format: uuid */
                            id: string;
                            incidentId: string | null;
                            incidentRef: string | null;
                            occurrence: string;
                            trigger: "schedule" | "manual";
                        } & {
                            acknowledgedAt: string | null;
                            drillName: string;
                            expectedResponders: string[];
                            goals: {
                                kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                                minutes: number;
                                outcome: "met" | "missed" | "pending";
                                seconds: number | null;
                            }[];
                            mitigatedAt: string | null;
                            resolvedAt: string | null;
                            respondersWhoActed: string[];
                            sharedPictureAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drills/{id}/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per goal, the measured values over the latest runs and how many met */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            drillId: string;
                            goals: {
                                kind: "acknowledged" | "shared_picture" | "mitigated" | "resolved";
                                met: number;
                                minutes: number;
                                missed: number;
                                pending: number;
                                runs: {
                                    firedAt: string;
                                    outcome: string;
                                    /** Format: uuid */
                                    runId: string;
                                    seconds: number | null;
                                }[];
                            }[];
                            runs: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escalation policies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policies: {
                                createdAt: string;
                                description: string | null;
                                id: string;
                                name: string;
                                repeat: number;
                                repeatDelaySeconds: number;
                                steps: {
                                    /** @description Seconds after the previous step (after the trigger, for the first step) */
                                    delaySeconds: number;
                                    targets: {
                                        /** Format: uuid */
                                        id: string;
                                        type: "user" | "schedule" | "team";
                                    }[];
                                }[];
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an escalation policy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        name: string;
                        /** @description How many more passes after the first */
                        repeat?: number;
                        repeatDelaySeconds?: number;
                        steps: {
                            /** @description Seconds after the previous step (after the trigger, for the first step) */
                            delaySeconds: number;
                            targets: {
                                /** Format: uuid */
                                id: string;
                                type: "user" | "schedule" | "team";
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            id: string;
                            name: string;
                            repeat: number;
                            repeatDelaySeconds: number;
                            steps: {
                                /** @description Seconds after the previous step (after the trigger, for the first step) */
                                delaySeconds: number;
                                targets: {
                                    /** Format: uuid */
                                    id: string;
                                    type: "user" | "schedule" | "team";
                                }[];
                            }[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One escalation policy (by id or name) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            id: string;
                            name: string;
                            repeat: number;
                            repeatDelaySeconds: number;
                            steps: {
                                /** @description Seconds after the previous step (after the trigger, for the first step) */
                                delaySeconds: number;
                                targets: {
                                    /** Format: uuid */
                                    id: string;
                                    type: "user" | "schedule" | "team";
                                }[];
                            }[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an escalation policy */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an escalation policy; running escalations keep their snapshot */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        name?: string;
                        /** @description How many more passes after the first */
                        repeat?: number;
                        repeatDelaySeconds?: number;
                        steps?: {
                            /** @description Seconds after the previous step (after the trigger, for the first step) */
                            delaySeconds: number;
                            targets: {
                                /** Format: uuid */
                                id: string;
                                type: "user" | "schedule" | "team";
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            id: string;
                            name: string;
                            repeat: number;
                            repeatDelaySeconds: number;
                            steps: {
                                /** @description Seconds after the previous step (after the trigger, for the first step) */
                                delaySeconds: number;
                                targets: {
                                    /** Format: uuid */
                                    id: string;
                                    type: "user" | "schedule" | "team";
                                }[];
                            }[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escalations, newest first */
        get: {
            parameters: {
                query?: {
                    alertGroupId?: string;
                    incidentId?: string;
                    limit?: number;
                    status?: "active" | "acknowledged" | "resolved" | "exhausted";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            escalations: {
                                acknowledgedAt: string | null;
                                acknowledgedBy: string | null;
                                alertGroupId: string | null;
                                id: string;
                                incidentId: string | null;
                                nextStep: {
                                    at: string;
                                    round: number;
                                    step: number;
                                } | null;
                                pages: {
                                    acknowledgedAt: string | null;
                                    at: string;
                                    round: number;
                                    status: string;
                                    step: number;
                                    userId: string;
                                }[];
                                policy: {
                                    name: string;
                                    policyId: string | null;
                                    repeat: number;
                                    repeatDelaySeconds: number;
                                    steps: {
                                        /** @description Seconds after the previous step (after the trigger, for the first step) */
                                        delaySeconds: number;
                                        targets: {
                                            /** Format: uuid */
                                            id: string;
                                            type: "user" | "schedule" | "team";
                                        }[];
                                    }[];
                                };
                                reason: string | null;
                                status: string;
                                subject: string;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One escalation with its policy snapshot and pages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            alertGroupId: string | null;
                            id: string;
                            incidentId: string | null;
                            nextStep: {
                                at: string;
                                round: number;
                                step: number;
                            } | null;
                            pages: {
                                acknowledgedAt: string | null;
                                at: string;
                                round: number;
                                status: string;
                                step: number;
                                userId: string;
                            }[];
                            policy: {
                                name: string;
                                policyId: string | null;
                                repeat: number;
                                repeatDelaySeconds: number;
                                steps: {
                                    /** @description Seconds after the previous step (after the trigger, for the first step) */
                                    delaySeconds: number;
                                    targets: {
                                        /** Format: uuid */
                                        id: string;
                                        type: "user" | "schedule" | "team";
                                    }[];
                                }[];
                            };
                            reason: string | null;
                            status: string;
                            subject: string;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalations/{id}/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge, resolve, or escalate now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    action: "acknowledge" | "resolve" | "escalate";
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            alertGroupId: string | null;
                            id: string;
                            incidentId: string | null;
                            nextStep: {
                                at: string;
                                round: number;
                                step: number;
                            } | null;
                            pages: {
                                acknowledgedAt: string | null;
                                at: string;
                                round: number;
                                status: string;
                                step: number;
                                userId: string;
                            }[];
                            policy: {
                                name: string;
                                policyId: string | null;
                                repeat: number;
                                repeatDelaySeconds: number;
                                steps: {
                                    /** @description Seconds after the previous step (after the trigger, for the first step) */
                                    delaySeconds: number;
                                    targets: {
                                        /** Format: uuid */
                                        id: string;
                                        type: "user" | "schedule" | "team";
                                    }[];
                                }[];
                            };
                            reason: string | null;
                            status: string;
                            subject: string;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List and search incidents, newest first */
        get: {
            parameters: {
                query?: {
                    commander?: string;
                    /** @description Opaque cursor from nextCursor */
                    cursor?: string;
                    declaredFrom?: string;
                    declaredTo?: string;
                    drill?: boolean;
                    limit?: number;
                    q?: string;
                    service?: string;
                    severity?: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                    status?: ("investigating" | "identified" | "mitigating" | "monitoring" | "resolved") | "open";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            incidents: {
                                commander: {
                                    label: string;
                                    userId: string | null;
                                } | null;
                                declaredAt: string;
                                drill: boolean;
                                /** Format: uuid */
                                id: string;
                                lastEventAt: string;
                                nextUpdateDue: string | null;
                                private: boolean;
                                ref: string;
                                resolvedAt: string | null;
                                services: string[];
                                severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                                sharedPicture: boolean;
                                status: "investigating" | "identified" | "mitigating" | "monitoring" | "resolved";
                                title: string;
                                /** @description The next update is due and has not been posted */
                                updateOverdue: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Declare an incident */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        commanderId?: string;
                        drill?: boolean;
                        impact?: string;
                        private?: boolean;
                        services?: string[];
                        severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            ref: string;
                            severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                            status: "investigating" | "identified" | "mitigating" | "monitoring" | "resolved";
                            title: string;
                            updateOverdue: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident’s current state (by id or INC-42) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            ref: string;
                            severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                            status: "investigating" | "identified" | "mitigating" | "monitoring" | "resolved";
                            title: string;
                            updateOverdue: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Timeline events after a sequence number */
        get: {
            parameters: {
                query?: {
                    after?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                actorId: string | null;
                                actorLabel: string;
                                body: unknown;
                                /** Format: uuid */
                                incidentId: string;
                                kind: string;
                                occurredAt: string;
                                recordedAt: string;
                                seq: number;
                            }[];
                            /** Format: uuid */
                            incidentId: string;
                            lastSeq: number;
                            ref: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Append one typed event to the timeline (?dryRun=true: show the result, write nothing)
         * @description The body is one of the event kinds below, chosen by `kind`; each has its own body schema and example. `firebreak incident kinds` lists the same.
         */
        post: {
            parameters: {
                query?: {
                    /** @description true: validate and return the event and projection the append would produce, writing nothing */
                    dryRun?: "true" | "false";
                };
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            /** @description One event; its body schema depends on kind */
            requestBody: {
                content: {
                    "application/json": {
                        body: {
                            /** @description Why it changed */
                            reason: string;
                            /** @description The new severity */
                            severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "severity_changed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        /** @description A person confirms the current severity: ends triage and any pending severity review */
                        body: {
                            /** @description Why it stays */
                            note?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "severity_confirmed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        /** @description A cohort known to be safe (seed 002: "who is safe, who is harmed") */
                        body: {
                            /** @description tenant, region, endpoint, plan or custom */
                            dimension: "tenant" | "region" | "endpoint" | "plan" | "custom";
                            /** @description How we know */
                            note?: string;
                            /** @description Which one */
                            value: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "cohort_unaffected";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        /** @description No hypothesis yet: says what the room is investigating instead */
                        body: {
                            /** @description What is being looked at */
                            investigating: string;
                            /** @description Anything to add */
                            note?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "no_hypothesis";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        /** @description The next decision the room faces, who takes it and by when */
                        body: {
                            /** @description The decision to take */
                            decision: string;
                            /**
                             * Format: date-time
                             * @description When (the CLI takes 15m, 23:50 or ISO)
                             */
                            dueAt: string;
                            /** @description Who takes it: { userId } or { label } (the CLI takes an email or a name) */
                            owner: {
                                label?: string;
                                /** Format: uuid */
                                userId?: string;
                            };
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "next_decision";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Why it is safe now */
                            reason: string;
                            /** @description The unsafe_action_noted event */
                            unsafeSeq: number;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "unsafe_action_lifted";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        /** @description The room reviewed unsafe actions and knows of none */
                        body: {
                            /** @description Who reviewed */
                            note?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "no_unsafe_actions_known";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Resolve although prerequisites are missing: { reason } */
                            override?: {
                                reason: string;
                            };
                            /** @description Why */
                            reason?: string;
                            /** @description The new status */
                            status: "investigating" | "identified" | "mitigating" | "monitoring" | "resolved";
                            /** @description A closing summary when resolving */
                            summary?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "status_changed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Resolve although prerequisites are missing: { reason } */
                            override?: {
                                reason: string;
                            };
                            /** @description What happened and how it ended */
                            summary?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "resolved";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Why it is not over */
                            reason: string;
                            /** @description The status to reopen into (default investigating) */
                            status?: "investigating" | "identified" | "mitigating" | "monitoring";
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "reopened";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Someone without an account */
                            label?: string;
                            /** @description The role */
                            role: "commander" | "tech_lead" | "communications" | "operations" | "scribe" | "specialist";
                            /** @description For specialists: database, networking, … */
                            specialty?: string;
                            /**
                             * Format: uuid
                             * @description The user taking it (the CLI takes an email)
                             */
                            userId?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "role_assigned";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Why */
                            reason?: string;
                            /** @description The role */
                            role: "commander" | "tech_lead" | "communications" | "operations" | "scribe" | "specialist";
                            /** @description For specialists */
                            specialty?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "role_released";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /**
                             * Format: uuid
                             * @description The user (the CLI takes an email)
                             */
                            userId: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "member_added";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description How many are affected: { users, percent } */
                            affected?: {
                                /** @description Share of users or requests affected, in percent */
                                percent?: number;
                                /** @description How many users are affected */
                                users?: number;
                            };
                            /** @description User journeys and their effect: down, degraded or slow (priority: true on the one that matters most) */
                            journeys: {
                                effect: "degraded" | "down" | "slow";
                                journey: string;
                                /** @description The immediate business priority; only one journey can be (seed 002) */
                                priority?: boolean;
                            }[];
                            /**
                             * Format: date-time
                             * @description Since when users are affected
                             */
                            since?: string;
                            /** @description Impact in plain words */
                            statement: string;
                            /** @description Whether writes are safe: yes, no or unknown */
                            writesSafe: "yes" | "no" | "unknown";
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "impact_stated";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description tenant, region, endpoint, plan or custom */
                            dimension: "tenant" | "region" | "endpoint" | "plan" | "custom";
                            /** @description Anything to add */
                            note?: string;
                            /** @description Which one */
                            value: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "cohort_affected";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description tenant, region, endpoint, plan or custom */
                            dimension: "tenant" | "region" | "endpoint" | "plan" | "custom";
                            /** @description Anything to add */
                            note?: string;
                            /** @description Which one */
                            value: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "cohort_cleared";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Sequence numbers of evidence_attached events this cites */
                            evidence?: number[];
                            /** @description What was seen */
                            text: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "observation";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description What suggests it */
                            basis?: string;
                            /** @description Sequence numbers of evidence_attached events this cites */
                            evidence?: number[];
                            /** @description The hypothesis */
                            text: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "hypothesis_proposed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Sequence numbers of evidence_attached events this cites */
                            evidence?: number[];
                            /** @description The hypothesis_proposed event */
                            hypothesisSeq: number;
                            /** @description How it was confirmed */
                            note?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "hypothesis_confirmed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Sequence numbers of evidence_attached events this cites */
                            evidence?: number[];
                            /** @description The hypothesis_proposed event */
                            hypothesisSeq: number;
                            /** @description Why it is ruled out */
                            reason: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "hypothesis_rejected";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Options considered and why not: [{ option, reason }] */
                            alternativesRejected: {
                                option: string;
                                reason: string;
                            }[];
                            /** @description What was decided */
                            decision: string;
                            /** @description The next_decision event this decision takes */
                            nextDecisionSeq?: number;
                            /** @description Why */
                            rationale: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "decision";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description What was done */
                            action: string;
                            /** @description The decision it carries out */
                            decisionSeq?: number;
                            /** @description What happened */
                            result?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "action_taken";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description What is being done */
                            action: string;
                            /**
                             * Format: date-time
                             * @description When to call it failed (the CLI takes 15m, 23:50 or ISO)
                             */
                            deadline: string;
                            /** @description What will show it worked */
                            expectedSignal: string;
                            /** @description The hypothesis it acts on */
                            hypothesisSeq?: number;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "mitigation_started";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Sequence numbers of evidence_attached events this cites */
                            evidence?: number[];
                            /** @description The mitigation_started event */
                            mitigationSeq: number;
                            /** @description What was observed */
                            observed: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "mitigation_verified";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Sequence numbers of evidence_attached events this cites */
                            evidence?: number[];
                            /** @description The mitigation_started event */
                            mitigationSeq: number;
                            /** @description What was observed */
                            observed: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "mitigation_failed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description The dangerous action */
                            action: string;
                            /** @description When it becomes safe */
                            condition?: string;
                            /** @description Why it is unsafe */
                            reason: string;
                            /**
                             * Format: date-time
                             * @description When it stops being unsafe on its own
                             */
                            until?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "unsafe_action_noted";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description internal or public */
                            audience: "internal" | "public";
                            /** @description Status page components this incident affects, with their state */
                            components?: {
                                /** Format: uuid */
                                componentId: string;
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            }[];
                            /**
                             * Format: date-time
                             * @description When the next update is due (the CLI takes 30m, 23:50 or ISO)
                             */
                            nextUpdateAt?: string;
                            /**
                             * Format: uuid
                             * @description The status page; the page at /status when absent
                             */
                            pageId?: string;
                            /** @description Statuspage status; defaults from the incident's status */
                            publicStatus?: "investigating" | "identified" | "monitoring" | "resolved";
                            /** @description The title the status page shows; required on the first public update */
                            publicTitle?: string;
                            /** @description The update */
                            text: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "update_posted";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description The check (the CLI takes its number or an unambiguous prefix) */
                            item: string;
                            /** @description A check that something did not happen */
                            negative?: boolean;
                            /** @description Anything to add */
                            note?: string;
                            /** @description pass, fail or not_applicable */
                            result: "pass" | "fail" | "not_applicable";
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "checklist_item_checked";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Who owns it: { userId } or { label } (the CLI takes an email or a name) */
                            owner?: {
                                label?: string;
                                /** Format: uuid */
                                userId?: string;
                            };
                            /** @description What needs checking or repair */
                            scope: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "reconciliation_opened";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description Progress */
                            note: string;
                            /** @description A new owner */
                            owner?: {
                                label?: string;
                                /** Format: uuid */
                                userId?: string;
                            };
                            /** @description The reconciliation_opened event */
                            reconciliationSeq: number;
                            /** @description Records checked so far */
                            recordsChecked?: number;
                            /** @description Records repaired so far */
                            recordsRepaired?: number;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "reconciliation_progressed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description How it ended */
                            outcome: string;
                            /** @description The reconciliation_opened event */
                            reconciliationSeq: number;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "reconciliation_closed";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description A raw alert payload this cites (kept for the life of the incident) */
                            alertPayloadId?: number;
                            /** @description The text (log_excerpt, snapshot) */
                            content?: string;
                            /** @description Request ids (request_ids) */
                            requestIds?: string[];
                            /** @description What it is */
                            title: string;
                            /** @description log_excerpt, request_ids, link or snapshot */
                            type: "log_excerpt" | "request_ids" | "link" | "snapshot";
                            /**
                             * Format: uri
                             * @description The link (link)
                             */
                            url?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "evidence_attached";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description first_symptom, first_causal_change or detection */
                            marker: "first_symptom" | "first_causal_change" | "detection";
                            /** @description Anything to add */
                            note?: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "marker";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description What they need to know */
                            notes?: string;
                            /** @description The role handed over (default commander) */
                            role?: "commander" | "tech_lead" | "communications" | "operations" | "scribe" | "specialist";
                            /** @description For specialists */
                            specialty?: string;
                            /** @description Who takes it: { userId } or { label } (the CLI takes an email or a name) */
                            to: {
                                label?: string;
                                /** Format: uuid */
                                userId?: string;
                            };
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "handoff";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description The note */
                            text: string;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "note";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    } | {
                        body: {
                            /** @description What was wrong */
                            correction: string;
                            /**
                             * Format: date-time
                             * @description The corrected time (the CLI takes --occurred 23:50, 15m or ISO)
                             */
                            occurredAt?: string;
                            /** @description The event corrected */
                            targetSeq: number;
                        };
                        /** @description Accept an occurredAt more than a day before the declaration */
                        force?: boolean;
                        /** @enum {string} */
                        kind: "amended";
                        /**
                         * Format: date-time
                         * @description When it happened (default: now); more than a day before the declaration needs force
                         */
                        occurredAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            dryRun: true;
                            event: {
                                actorId: string | null;
                                actorLabel: string;
                                body: unknown;
                                /** Format: uuid */
                                incidentId: string;
                                kind: string;
                                occurredAt: string;
                                recordedAt: string;
                                seq: number;
                            };
                            state: {
                                /** Format: uuid */
                                id: string;
                                ref: string;
                                severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
                                status: "investigating" | "identified" | "mitigating" | "monitoring" | "resolved";
                                title: string;
                                updateOverdue: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                            warnings: string[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorId: string | null;
                            actorLabel: string;
                            body: unknown;
                            /** Format: uuid */
                            incidentId: string;
                            kind: string;
                            occurredAt: string;
                            recordedAt: string;
                            seq: number;
                        } & {
                            warnings: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Handoff summary generated from the state (JSON, or Markdown with Accept: text/markdown or ?format=markdown) */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "markdown";
                };
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ref: string;
                            title: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Page a person, a schedule or a team into an incident, with a reason (recorded on the timeline) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** Format: uuid */
                        scheduleId?: string;
                        /** Format: uuid */
                        teamId?: string;
                        /** Format: uuid */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            alertGroupId: string | null;
                            id: string;
                            incidentId: string | null;
                            nextStep: {
                                at: string;
                                round: number;
                                step: number;
                            } | null;
                            pages: {
                                acknowledgedAt: string | null;
                                at: string;
                                round: number;
                                status: string;
                                step: number;
                                userId: string;
                            }[];
                            policy: {
                                name: string;
                                policyId: string | null;
                                repeat: number;
                                repeatDelaySeconds: number;
                                steps: {
                                    /** @description Seconds after the previous step (after the trigger, for the first step) */
                                    delaySeconds: number;
                                    targets: {
                                        /** Format: uuid */
                                        id: string;
                                        type: "user" | "schedule" | "team";
                                    }[];
                                }[];
                            };
                            reason: string | null;
                            status: string;
                            subject: string;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/postmortem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident’s postmortem with its draft from the timeline (Markdown with Accept: text/markdown or ?format=markdown) */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "markdown";
                };
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        } | string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a postmortem (SEV1/SEV2 get one when they resolve) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PostmortemView: status, owner, due date, sections, five whys, action items, blame findings and the draft from the timeline */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /** Edit sections, five whys, owner, due date; move draft → in_review → published */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        dueAt?: string;
                        /** Format: uuid */
                        ownerId?: string;
                        sections?: {
                            contributingFactors?: string[];
                            rootCause?: string;
                            summary?: string;
                            wentPoorly?: string[];
                            wentWell?: string[];
                        };
                        status?: "draft" | "in_review" | "published";
                        /** @description Five-whys chains; the last step of each is a condition, not a person */
                        whys?: {
                            steps: {
                                /** Format: uri */
                                evidenceUrl?: string;
                                /** @description Timeline events this step rests on */
                                seqs?: number[];
                                statement: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description PostmortemView: status, owner, due date, sections, five whys, action items, blame findings and the draft from the timeline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/incidents/{id}/postmortem/action-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an action item (vague items are refused) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        dueAt?: string;
                        /** Format: uuid */
                        ownerId?: string;
                        priority?: "high" | "medium" | "low";
                        title: string;
                        /** Format: uri */
                        trackerUrl?: string;
                        type: "prevent" | "detect" | "mitigate" | "process";
                    };
                };
            };
            responses: {
                /** @description ActionItemView */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live events of an incident as server-sent events (id = seq, event = kind); Last-Event-ID resumes. When access is withdrawn the stream ends with event `closed`, data {"reason": "…"} */
        get: {
            parameters: {
                query?: {
                    /** @description A sequence number */
                    lastEventId?: string;
                };
                header?: {
                    "last-event-id"?: string;
                };
                path: {
                    /** @description Incident id or reference (INC-42) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/suggested-rollbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Revert first: recent changes to the incident’s services and their dependencies, ranked, with a rollback safety checklist */
        get: {
            parameters: {
                query?: {
                    /** @description How far before the anchor to look (default 12) */
                    hours?: number;
                };
                header?: never;
                path: {
                    /** @description The incident: its reference (INC-42, inc-42, INC-042), its number (42) or its id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchor: {
                                at: string;
                                from: string;
                            };
                            checklist: {
                                flagged: boolean;
                                item: string;
                                reason: string;
                            }[];
                            /** Format: uuid */
                            incidentId: string;
                            ref: string;
                            suggestions: {
                                change: {
                                    author: string | null;
                                    finishedAt: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    kind: "deploy" | "config" | "feature_flag" | "migration" | "infrastructure";
                                    link: string | null;
                                    origin: string;
                                    recordedAt: string;
                                    rollback: {
                                        command: string | null;
                                        link: string | null;
                                    };
                                    /** Format: uuid */
                                    serviceId: string;
                                    startedAt: string;
                                    summary: string | null;
                                    version: string | null;
                                };
                                distance: number;
                                minutesBefore: number;
                                prompt: string;
                                rollbackCommand: string | null;
                                rollbackLink: string | null;
                                score: number;
                                serviceName: string;
                            }[];
                            windowHours: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/suggested-rollbacks/{changeId}/rolled-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a suggested change was rolled back (writes mitigation_started with its expected signal) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    changeId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deadlineMinutes?: number;
                        expectedSignal?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: unknown;
                            kind: string;
                            seq: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/update-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A prefilled update from a template, to edit and post */
        get: {
            parameters: {
                query: {
                    template: "declaration" | "update" | "resolution" | "public_update" | "public_resolution";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audience: "internal" | "public";
                            /** Format: date-time */
                            nextUpdateAt: string | null;
                            publicStatus: ("investigating" | "identified" | "monitoring" | "resolved") | (never | null);
                            template: string;
                            text: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An integration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            groupBy: string[] | null;
                            /** Format: uuid */
                            id: string;
                            intakePath: string;
                            keyPrefix: string;
                            kind: string;
                            mappings: {
                                [key: string]: string;
                            } | null;
                            name: string;
                            /** Format: uuid */
                            serviceId: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an integration and its alerts */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, enable/disable, or change the mappings or grouping of an integration */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        /** @description Label names that split alert groups (overrides the service) */
                        groupBy?: string[];
                        /** @description Generic integrations: JSONPath per field (dedupKey and summary required; severity, status, labels, rule, startsAt, alerts optional) */
                        mappings?: {
                            [key: string]: string;
                        };
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            groupBy: string[] | null;
                            /** Format: uuid */
                            id: string;
                            intakePath: string;
                            keyPrefix: string;
                            kind: string;
                            mappings: {
                                [key: string]: string;
                            } | null;
                            name: string;
                            /** Format: uuid */
                            serviceId: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/metrics/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Response metrics (median and p90 times, detection delay, update commitments kept, reminders) for incidents declared in [from, to); drills apart. CSV with Accept: text/csv or ?format=csv */
        get: {
            parameters: {
                query?: {
                    /** @description csv: the same as Accept: text/csv */
                    format?: "json" | "csv";
                    /** @description Incidents declared at or after this time (default: 90 days before `to`) */
                    from?: string;
                    /** @description Group by severity, service, team or month; one group "all" without it */
                    groupBy?: "severity" | "service" | "team" | "month";
                    /** @description Incidents declared before this time (default: now) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Drills, reported apart and never part of `groups` */
                            drills: {
                                detectionDelay: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                incidents: number;
                                key: string;
                                remindersMissed: number;
                                timeToAcknowledge: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                timeToMitigate: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                timeToResolve: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                timeToSharedPicture: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                updateCommitments: {
                                    due: number;
                                    met: number;
                                    share: number | null;
                                };
                            }[];
                            from: string;
                            groupBy: string | null;
                            groups: {
                                detectionDelay: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                incidents: number;
                                key: string;
                                remindersMissed: number;
                                timeToAcknowledge: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                timeToMitigate: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                timeToResolve: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                timeToSharedPicture: {
                                    count: number;
                                    /** @description Seconds */
                                    median: number | null;
                                    /** @description Seconds (nearest rank) */
                                    p90: number | null;
                                };
                                updateCommitments: {
                                    due: number;
                                    met: number;
                                    share: number | null;
                                };
                            }[];
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/burden": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On-call burden per person and team over a range: pages, at night, on weekends, nights interrupted, hours on call, time to acknowledge; ranked, with the spread */
        get: {
            parameters: {
                query: {
                    from: string;
                    teamId?: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calendar feeds you created or that show your shifts (admins: all) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            feeds: {
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                revokedAt: string | null;
                                scheduleId: string | null;
                                userId: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a secret calendar feed of a schedule, or of a person’s shifts (oneself; admins for anyone) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Schedule id or name */
                        schedule?: string;
                        /** Format: uuid */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            /** @description URL path to subscribe to */
                            path: string;
                            revokedAt: string | null;
                            scheduleId: string | null;
                            /** @description Shown once; only its hash is stored */
                            token: string;
                            userId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/feeds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a calendar feed: its URL stops working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            revokedAt: string | null;
                            scheduleId: string | null;
                            userId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/ical/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A calendar feed (text/calendar); the secret token in the URL is the credential */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call now (or at `at`) on every schedule or one */
        get: {
            parameters: {
                query?: {
                    at?: string;
                    /** @description Schedule id or name */
                    schedule?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            onCall: {
                                scheduleId: string;
                                scheduleName: string;
                                timeZone: string;
                                userIds: string[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List on-call schedules with their layers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            schedules: {
                                createdAt: string;
                                description: string | null;
                                id: string;
                                layers: {
                                    id: string;
                                    length: {
                                        count: number;
                                        unit: string;
                                    };
                                    name: string;
                                    participants: string[];
                                    restrictions: {
                                        days: number[];
                                        from: string;
                                        to: string;
                                    }[];
                                    start: string;
                                }[];
                                name: string;
                                ownerTeamId: string | null;
                                timeZone: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an on-call schedule (layers bottom first: a later layer wins during its hours) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        layers: {
                            length: {
                                count: number;
                                /** @description hours count elapsed time; days and weeks count calendar days in the schedule zone */
                                unit: "hours" | "days" | "weeks";
                            };
                            name: string;
                            /** @description User ids in rotation order */
                            participants: string[];
                            /** @description When the layer is active; omitted or empty = always */
                            restrictions?: {
                                /** @description ISO weekdays: 1 = Monday … 7 = Sunday */
                                days: number[];
                                /** @description Local time HH:mm */
                                from: string;
                                /** @description Local time HH:mm; at or before `from` ends on the next day */
                                to: string;
                            }[];
                            /** @description Local date and time of the first hand-off (YYYY-MM-DDTHH:mm) in the schedule zone; its time is the hand-off time */
                            start: string;
                        }[];
                        /** @description Unique name */
                        name: string;
                        /** Format: uuid */
                        ownerTeamId?: string | null;
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timeZone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            id: string;
                            layers: {
                                id: string;
                                length: {
                                    count: number;
                                    unit: string;
                                };
                                name: string;
                                participants: string[];
                                restrictions: {
                                    days: number[];
                                    from: string;
                                    to: string;
                                }[];
                                start: string;
                            }[];
                            name: string;
                            ownerTeamId: string | null;
                            timeZone: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/schedules/{schedule}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule, with the gaps in its next 14 days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            id: string;
                            layers: {
                                id: string;
                                length: {
                                    count: number;
                                    unit: string;
                                };
                                name: string;
                                participants: string[];
                                restrictions: {
                                    days: number[];
                                    from: string;
                                    to: string;
                                }[];
                                start: string;
                            }[];
                            name: string;
                            ownerTeamId: string | null;
                            timeZone: string;
                            /** @description Stretches of the next 14 days when nobody is on call */
                            upcomingGaps: {
                                end: string;
                                start: string;
                            }[];
                            updatedAt: string;
                            /** @description `gaps` when upcomingGaps is not empty */
                            warnings: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a schedule with its overrides and feeds */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a schedule (layers, when given, replace all its layers) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        layers?: {
                            length: {
                                count: number;
                                /** @description hours count elapsed time; days and weeks count calendar days in the schedule zone */
                                unit: "hours" | "days" | "weeks";
                            };
                            name: string;
                            /** @description User ids in rotation order */
                            participants: string[];
                            /** @description When the layer is active; omitted or empty = always */
                            restrictions?: {
                                /** @description ISO weekdays: 1 = Monday … 7 = Sunday */
                                days: number[];
                                /** @description Local time HH:mm */
                                from: string;
                                /** @description Local time HH:mm; at or before `from` ends on the next day */
                                to: string;
                            }[];
                            /** @description Local date and time of the first hand-off (YYYY-MM-DDTHH:mm) in the schedule zone; its time is the hand-off time */
                            start: string;
                        }[];
                        /** @description Unique name */
                        name?: string;
                        /** Format: uuid */
                        ownerTeamId?: string | null;
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            id: string;
                            layers: {
                                id: string;
                                length: {
                                    count: number;
                                    unit: string;
                                };
                                name: string;
                                participants: string[];
                                restrictions: {
                                    days: number[];
                                    from: string;
                                    to: string;
                                }[];
                                start: string;
                            }[];
                            name: string;
                            ownerTeamId: string | null;
                            timeZone: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/oncall/schedules/{schedule}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overrides overlapping a range, oldest first */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            overrides: {
                                createdAt: string;
                                createdBy: string | null;
                                end: string;
                                id: string;
                                kind: string;
                                replaces: string | null;
                                scheduleId: string;
                                start: string;
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Replace a person for a range, or add one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        end: string;
                        /** @description replace: stand in for `replaces` (or for whoever is on call when omitted); add: on call alongside */
                        kind: "replace" | "add";
                        /** Format: uuid */
                        replaces?: string | null;
                        /** Format: date-time */
                        start: string;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            createdBy: string | null;
                            end: string;
                            id: string;
                            kind: string;
                            replaces: string | null;
                            scheduleId: string;
                            start: string;
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/schedules/{schedule}/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an override */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    overrideId: string;
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncall/schedules/{schedule}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Final shifts (after layers and overrides) and gaps between two instants */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    /** @description Schedule id or name */
                    schedule: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gaps: {
                                end: string;
                                start: string;
                            }[];
                            scheduleId: string;
                            shifts: {
                                end: string;
                                start: string;
                                userIds: string[];
                            }[];
                            timeZone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List services */
        get: {
            parameters: {
                query?: {
                    ownerTeamId?: string;
                    tier?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            services: {
                                createdAt: string;
                                dependsOn: string[];
                                description: string | null;
                                escalationPolicyId: string | null;
                                groupBy: string[];
                                /** Format: uuid */
                                id: string;
                                name: string;
                                ownerTeamId: string | null;
                                runbookUrl: string | null;
                                tier: number | null;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a service */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ids of the services this one depends on */
                        dependsOn?: string[];
                        description?: string | null;
                        escalationPolicyId?: string | null;
                        /** @description Label names that split alert groups */
                        groupBy?: string[];
                        /** @description Unique; alerts carrying a `service` label with this name route here */
                        name: string;
                        /** Format: uuid */
                        ownerTeamId?: string | null;
                        runbookUrl?: string | null;
                        tier?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            dependsOn: string[];
                            description: string | null;
                            escalationPolicyId: string | null;
                            groupBy: string[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                            ownerTeamId: string | null;
                            runbookUrl: string | null;
                            tier: number | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            dependsOn: string[];
                            description: string | null;
                            escalationPolicyId: string | null;
                            groupBy: string[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                            ownerTeamId: string | null;
                            runbookUrl: string | null;
                            tier: number | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a service with its integrations and alert history */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a service (dependsOn replaces its dependencies; cycles are refused) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Ids of the services this one depends on */
                        dependsOn?: string[];
                        description?: string | null;
                        escalationPolicyId?: string | null;
                        /** @description Label names that split alert groups */
                        groupBy?: string[];
                        /** @description Unique; alerts carrying a `service` label with this name route here */
                        name?: string;
                        /** Format: uuid */
                        ownerTeamId?: string | null;
                        runbookUrl?: string | null;
                        tier?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            dependsOn: string[];
                            description: string | null;
                            escalationPolicyId: string | null;
                            groupBy: string[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                            ownerTeamId: string | null;
                            runbookUrl: string | null;
                            tier: number | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/services/{id}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service's integrations (never their keys) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            integrations: {
                                createdAt: string;
                                enabled: boolean;
                                groupBy: string[] | null;
                                /** Format: uuid */
                                id: string;
                                intakePath: string;
                                keyPrefix: string;
                                kind: string;
                                mappings: {
                                    [key: string]: string;
                                } | null;
                                name: string;
                                /** Format: uuid */
                                serviceId: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an integration; its key is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Label names that split alert groups (overrides the service) */
                        groupBy?: string[];
                        kind: "alertmanager" | "pagerduty" | "grafana" | "generic";
                        /** @description Generic integrations: JSONPath per field (dedupKey and summary required; severity, status, labels, rule, startsAt, alerts optional) */
                        mappings?: {
                            [key: string]: string;
                        };
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            groupBy: string[] | null;
                            /** Format: uuid */
                            id: string;
                            intakePath: string;
                            /** @description Path to send to, including the key */
                            intakeUrl: string;
                            /** @description Shown once; store it now */
                            key: string;
                            keyPrefix: string;
                            kind: string;
                            mappings: {
                                [key: string]: string;
                            } | null;
                            name: string;
                            /** Format: uuid */
                            serviceId: string;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service's maintenance windows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            windows: {
                                createdAt: string;
                                createdBy: string;
                                endsAt: string;
                                /** Format: uuid */
                                id: string;
                                reason: string;
                                /** Format: uuid */
                                serviceId: string;
                                startsAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Schedule a maintenance window: alerts are stored but suppressed during it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        endsAt: string;
                        reason: string;
                        /** Format: date-time */
                        startsAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            createdBy: string;
                            endsAt: string;
                            /** Format: uuid */
                            id: string;
                            reason: string;
                            /** Format: uuid */
                            serviceId: string;
                            startsAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/maintenance/{windowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a maintenance window */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    windowId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/incident-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Severity definitions, response targets, update cadence and the default recovery checklist */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryChecklist: {
                                item: string;
                                negative: boolean;
                            }[];
                            /** @description Suggest handing off a role held longer than this (seed 002: "rotate roles before people are exhausted") */
                            roleHandoffMinutes?: number;
                            severities: {
                                SEV1: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                                SEV2: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                                SEV3: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                                SEV4: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        /** Replace the incident policy (new incidents snapshot it when declared) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        recoveryChecklist: {
                            item: string;
                            negative: boolean;
                        }[];
                        /** @description Suggest handing off a role held longer than this (seed 002: "rotate roles before people are exhausted") */
                        roleHandoffMinutes?: number;
                        severities: {
                            SEV1: {
                                definition: string;
                                /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                monitoringMinutes?: number;
                                responseTargetLabel: string;
                                responseTargetMinutes: number | null;
                                updateCadenceMinutes: number | null;
                            };
                            SEV2: {
                                definition: string;
                                /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                monitoringMinutes?: number;
                                responseTargetLabel: string;
                                responseTargetMinutes: number | null;
                                updateCadenceMinutes: number | null;
                            };
                            SEV3: {
                                definition: string;
                                /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                monitoringMinutes?: number;
                                responseTargetLabel: string;
                                responseTargetMinutes: number | null;
                                updateCadenceMinutes: number | null;
                            };
                            SEV4: {
                                definition: string;
                                /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                monitoringMinutes?: number;
                                responseTargetLabel: string;
                                responseTargetMinutes: number | null;
                                updateCadenceMinutes: number | null;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryChecklist: {
                                item: string;
                                negative: boolean;
                            }[];
                            /** @description Suggest handing off a role held longer than this (seed 002: "rotate roles before people are exhausted") */
                            roleHandoffMinutes?: number;
                            severities: {
                                SEV1: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                                SEV2: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                                SEV3: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                                SEV4: {
                                    definition: string;
                                    /** @description Time in monitoring before resolving (seed 003: "Monitor for 15-30 minutes"); 0 for none */
                                    monitoringMinutes?: number;
                                    responseTargetLabel: string;
                                    responseTargetMinutes: number | null;
                                    updateCadenceMinutes: number | null;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/update-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where internal updates go */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            emails: string[];
                            slackWebhookUrls: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        /** Set where internal updates go */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        emails: string[];
                        slackWebhookUrls: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            emails: string[];
                            slackWebhookUrls: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/update-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Update templates (Mustache) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            declaration: string;
                            public_resolution: string;
                            public_update: string;
                            resolution: string;
                            update: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        /** Edit update templates */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        declaration?: string;
                        public_resolution?: string;
                        public_update?: string;
                        resolution?: string;
                        update?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            declaration: string;
                            public_resolution: string;
                            public_update: string;
                            resolution: string;
                            update: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List silences (?active=true for those in force or pending) */
        get: {
            parameters: {
                query?: {
                    active?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            silences: {
                                active: boolean;
                                comment: string;
                                createdAt: string;
                                createdBy: string;
                                endsAt: string;
                                expiredAt: string | null;
                                /** Format: uuid */
                                id: string;
                                matchers: {
                                    name: string;
                                    op: string;
                                    value: string;
                                }[];
                                serviceId: string | null;
                                startsAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Silence alerts matching every matcher (=, !=, =~, !~) between startsAt and endsAt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                        /** Format: date-time */
                        endsAt: string;
                        matchers: {
                            name: string;
                            op: "=" | "!=" | "=~" | "!~";
                            value: string;
                        }[];
                        /** Format: uuid */
                        serviceId?: string;
                        /** Format: date-time */
                        startsAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            comment: string;
                            createdAt: string;
                            createdBy: string;
                            endsAt: string;
                            expiredAt: string | null;
                            /** Format: uuid */
                            id: string;
                            matchers: {
                                name: string;
                                op: string;
                                value: string;
                            }[];
                            serviceId: string | null;
                            startsAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/silences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A silence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            comment: string;
                            createdAt: string;
                            createdBy: string;
                            endsAt: string;
                            expiredAt: string | null;
                            /** Format: uuid */
                            id: string;
                            matchers: {
                                name: string;
                                op: string;
                                value: string;
                            }[];
                            serviceId: string | null;
                            startsAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Expire a silence now (it stays on record) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            comment: string;
                            createdAt: string;
                            createdBy: string;
                            endsAt: string;
                            expiredAt: string | null;
                            /** Format: uuid */
                            id: string;
                            matchers: {
                                name: string;
                                op: string;
                                value: string;
                            }[];
                            serviceId: string | null;
                            startsAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-components/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a component */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a component */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** Format: uuid */
                        groupId?: string | null;
                        name?: string;
                        onlyShowIfDegraded?: boolean;
                        position?: number;
                        /** Format: uuid */
                        serviceId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            group: boolean;
                            /** Format: uuid */
                            groupId: string | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            onlyShowIfDegraded: boolean;
                            /** Format: uuid */
                            pageId: string;
                            position: number;
                            /** Format: uuid */
                            serviceId: string | null;
                            status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/status-components/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a component's state (recorded in its history) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            group: boolean;
                            /** Format: uuid */
                            groupId: string | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            onlyShowIfDegraded: boolean;
                            /** Format: uuid */
                            pageId: string;
                            position: number;
                            /** Format: uuid */
                            serviceId: string | null;
                            status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-maintenances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, move or cancel maintenance */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body?: string;
                        /** @enum {boolean} */
                        cancelled?: true;
                        name?: string;
                        /** Format: date-time */
                        scheduledFor?: string;
                        /** Format: date-time */
                        scheduledUntil?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            componentIds: string[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                            noticeMinutes: number;
                            /** Format: uuid */
                            pageId: string;
                            /** Format: date-time */
                            scheduledFor: string;
                            /** Format: date-time */
                            scheduledUntil: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/status-pages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List status pages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pages: {
                                brandColor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Host name this page answers at, such as status.example.com */
                                host: string | null;
                                /** Format: uuid */
                                id: string;
                                isDefault: boolean;
                                logoUrl: string | null;
                                name: string;
                                /** @description Lower-case letters, digits and dashes */
                                slug: string;
                                /** @description IANA time zone, such as Europe/Berlin */
                                timeZone: string;
                                /** Format: date-time */
                                updatedAt: string;
                                url: string;
                                visibility: "public" | "internal";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a status page */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        brandColor?: string | null;
                        /** @description Host name this page answers at, such as status.example.com */
                        host?: string | null;
                        logoUrl?: string | null;
                        name: string;
                        /** @description Lower-case letters, digits and dashes */
                        slug: string;
                        /** @description IANA time zone, such as Europe/Berlin */
                        timeZone?: string;
                        visibility?: "public" | "internal";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brandColor: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Host name this page answers at, such as status.example.com */
                            host: string | null;
                            /** Format: uuid */
                            id: string;
                            isDefault: boolean;
                            logoUrl: string | null;
                            name: string;
                            /** @description Lower-case letters, digits and dashes */
                            slug: string;
                            /** @description IANA time zone, such as Europe/Berlin */
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                            visibility: "public" | "internal";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A status page */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brandColor: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Host name this page answers at, such as status.example.com */
                            host: string | null;
                            /** Format: uuid */
                            id: string;
                            isDefault: boolean;
                            logoUrl: string | null;
                            name: string;
                            /** @description Lower-case letters, digits and dashes */
                            slug: string;
                            /** @description IANA time zone, such as Europe/Berlin */
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                            visibility: "public" | "internal";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a status page */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a status page (name, slug, host, branding, time zone) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        brandColor?: string | null;
                        /** @description Host name this page answers at, such as status.example.com */
                        host?: string | null;
                        logoUrl?: string | null;
                        name?: string;
                        /** @description Lower-case letters, digits and dashes */
                        slug?: string;
                        /** @description IANA time zone, such as Europe/Berlin */
                        timeZone?: string;
                        visibility?: "public" | "internal";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brandColor: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Host name this page answers at, such as status.example.com */
                            host: string | null;
                            /** Format: uuid */
                            id: string;
                            isDefault: boolean;
                            logoUrl: string | null;
                            name: string;
                            /** @description Lower-case letters, digits and dashes */
                            slug: string;
                            /** @description IANA time zone, such as Europe/Berlin */
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                            visibility: "public" | "internal";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/status-pages/{id}/components": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page's components */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            components: {
                                /** Format: date-time */
                                createdAt: string;
                                description: string | null;
                                group: boolean;
                                /** Format: uuid */
                                groupId: string | null;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                onlyShowIfDegraded: boolean;
                                /** Format: uuid */
                                pageId: string;
                                position: number;
                                /** Format: uuid */
                                serviceId: string | null;
                                status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a component or group */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @description A group holds other components */
                        group?: boolean;
                        /** Format: uuid */
                        groupId?: string | null;
                        name: string;
                        onlyShowIfDegraded?: boolean;
                        position?: number;
                        /** Format: uuid */
                        serviceId?: string | null;
                        status?: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string | null;
                            group: boolean;
                            /** Format: uuid */
                            groupId: string | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            onlyShowIfDegraded: boolean;
                            /** Format: uuid */
                            pageId: string;
                            position: number;
                            /** Format: uuid */
                            serviceId: string | null;
                            status: "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages/{id}/maintenances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page's maintenance windows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            maintenances: {
                                body: string;
                                componentIds: string[];
                                /** Format: uuid */
                                id: string;
                                name: string;
                                noticeMinutes: number;
                                /** Format: uuid */
                                pageId: string;
                                /** Format: date-time */
                                scheduledFor: string;
                                /** Format: date-time */
                                scheduledUntil: string;
                                status: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Schedule maintenance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        componentIds: string[];
                        name: string;
                        /** @default 60 */
                        noticeMinutes?: number;
                        /** Format: date-time */
                        scheduledFor: string;
                        /** Format: date-time */
                        scheduledUntil: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body: string;
                            componentIds: string[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                            noticeMinutes: number;
                            /** Format: uuid */
                            pageId: string;
                            /** Format: date-time */
                            scheduledFor: string;
                            /** Format: date-time */
                            scheduledUntil: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-pages/{id}/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page's subscribers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscribers: {
                                address: string;
                                componentIds: string[] | null;
                                confirmed: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                kind: "email" | "webhook";
                                unsubscribed: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a webhook subscriber */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        componentIds?: string[];
                        secret?: string;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            componentIds: string[] | null;
                            confirmed: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: "email" | "webhook";
                            unsubscribed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/status-subscribers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subscriber */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            teams: {
                                createdAt: string;
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                members?: {
                                    createdAt: string;
                                    disabled: boolean;
                                    email: string;
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    role: "admin" | "responder" | "viewer";
                                    timeZone: string;
                                }[];
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            members?: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            }[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team with its members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            members?: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            }[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a member to a team */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            members?: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            }[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a member from a team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string | null;
                            /** Format: uuid */
                            id: string;
                            members?: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            }[];
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens (all tokens with ?all=true, admins only) */
        get: {
            parameters: {
                query?: {
                    all?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                createdAt: string;
                                expiresAt: string | null;
                                /** Format: uuid */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                                /** Format: uuid */
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; the token is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt?: string;
                        name: string;
                        /** Format: uuid */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            expiresAt: string | null;
                            /** Format: uuid */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            /** @description Shown once; store it now */
                            token: string;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            expiresAt: string | null;
                            /** Format: uuid */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            prefix: string;
                            revokedAt: string | null;
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                role: "admin" | "responder" | "viewer";
                                timeZone: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address */
                        email: string;
                        name: string;
                        /** @description At least 12 characters */
                        password?: string;
                        role: "admin" | "responder" | "viewer";
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            role: "admin" | "responder" | "viewer";
                            timeZone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user (yourself, or anyone as admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your current password; needed to change your own */
                        currentPassword?: string;
                        disabled?: boolean;
                        name?: string;
                        /** @description At least 12 characters */
                        password?: string;
                        role?: "admin" | "responder" | "viewer";
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            role: "admin" | "responder" | "viewer";
                            timeZone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's contact methods (theirs, or any for admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contactMethods: {
                                address: string;
                                createdAt: string;
                                id: string;
                                kind: string;
                                label: string;
                                userId: string;
                                verified: boolean;
                                verifiedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a contact method; a verification code is sent to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: string;
                        kind: "email" | "sms" | "voice" | "push" | "webhook" | "slack";
                        label?: string;
                        signingSecret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            createdAt: string;
                            id: string;
                            kind: string;
                            label: string;
                            userId: string;
                            verified: boolean;
                            verifiedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/notification-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's notification rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                /** Format: uuid */
                                contactMethodId: string;
                                delaySeconds: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        /** Replace a person's notification rules */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rules: {
                            /** Format: uuid */
                            contactMethodId: string;
                            delaySeconds: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                /** Format: uuid */
                                contactMethodId: string;
                                delaySeconds: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authenticated user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            role: "admin" | "responder" | "viewer";
                            timeZone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            detail?: string;
                            /** @description One entry per refused field */
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                            instance?: string;
                            requestId?: string;
                            status: number;
                            title: string;
                            type: string;
                            warnings?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/alertmanager/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive alertmanager alerts (the key is the integration's secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: number;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/changes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a change event (Firebreak JSON); the key is the change source’s secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changeId: string | null;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/changes/{key}/argocd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Argo CD notifications webhook (body from the documented firebreak-change template) */
        post: {
            parameters: {
                query?: {
                    /** @description The service (id or name) when the payload does not name it */
                    service?: string;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changeId: string | null;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/changes/{key}/github": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** GitHub deployment_status webhook (secret = the key; X-Hub-Signature-256 required) */
        post: {
            parameters: {
                query?: {
                    /** @description The service (id or name) when the payload does not name it */
                    service?: string;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changeId: string | null;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/generic/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive generic alerts (the key is the integration's secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: number;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/grafana/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive grafana alerts (the key is the integration's secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: number;
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/pagerduty/v2/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PagerDuty Events API v2 compatible: send events with routing_key = the integration key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/p/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Confirmation page of a page link (changes nothing) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Act on a page link: acknowledge, resolve or escalate now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/{slug}/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe by email (double opt-in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Only these components (all when absent) */
                        components?: string[] | string;
                        /** @description Email address */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/{slug}/subscriptions/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/{slug}/subscriptions/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe by email (double opt-in) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Only these components (all when absent) */
                        components?: string[] | string;
                        /** @description Email address */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/subscriptions/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status/subscriptions/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PagerDuty Events API v2 compatible: send events with routing_key = the integration key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
